package dev.cspctl.visitor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.visitor.Assumptions;
import dev.cspctl.visitor.Evaluation;
import dev.cspctl.visitor.ExperienceResult;
import dev.cspctl.visitor.TestResult;
import dev.cspctl.visitor.Trace;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * {@code --format json}: versioned ({@code "format_version": "1"}); every test with its status,
 * problems and what the visitor sees; the assumptions the evaluator made.
 */
public final class JsonReport {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String render(List<TestResult> results) {
    ObjectNode root = MAPPER.createObjectNode().put("format_version", "1");
    Summary s = Summary.of(results);
    root.putObject("summary")
        .put("passed", s.passed())
        .put("failed", s.failed())
        .put("not_evaluable", s.notEvaluable());
    ArrayNode tests = root.putArray("tests");
    for (TestResult r : results) {
      ObjectNode t =
          tests
              .addObject()
              .put("name", r.test().name())
              .put("file", r.test().origin().file())
              .put("line", r.test().origin().line())
              .put("status", r.status().name().toLowerCase(Locale.ROOT));
      r.problems().forEach(t.putArray("problems")::add);
      evaluation(t, r.evaluation());
    }
    assumptions(root);
    return write(root);
  }

  /** What one visitor sees, for {@code cspctl test --visitor --format json}. */
  public static String render(Evaluation e) {
    ObjectNode root = MAPPER.createObjectNode().put("format_version", "1");
    evaluation(root, e);
    assumptions(root);
    return write(root);
  }

  private static void evaluation(ObjectNode into, Evaluation e) {
    ArrayNode list = into.putArray("experiences");
    for (ExperienceResult r : e.experiences()) {
      ObjectNode x =
          list.addObject()
              .put("experience", r.experience())
              .put("given", r.given().name().toLowerCase(Locale.ROOT));
      if (r.variant() != null) x.put("variant", r.variant());
      if (r.trace() != null) x.set("trace", trace(r.trace()));
    }
    if (e.appliedKnown()) e.applied().forEach(into.putArray("applied")::add);
    else into.putNull("applied");
  }

  private static ObjectNode trace(Trace t) {
    ObjectNode n =
        MAPPER
            .createObjectNode()
            .put("label", t.label())
            .put("result", t.result().name().toLowerCase(Locale.ROOT));
    if (t.combine() != null) n.put("match", t.combine().yamlName());
    if (!t.children().isEmpty()) t.children().forEach(c -> n.withArray("children").add(trace(c)));
    return n;
  }

  private static void assumptions(ObjectNode root) {
    ArrayNode a = root.putArray("assumptions");
    for (Assumptions.Assumption x : Assumptions.ALL)
      a.addObject().put("id", x.id()).put("rule", x.rule());
  }

  private static String write(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
