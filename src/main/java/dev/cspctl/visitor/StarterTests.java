package dev.cspctl.visitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.spec.Audience;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.ExperienceStatus;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Variant;
import dev.cspctl.spec.Visitor;
import dev.cspctl.spec.VisitorFile;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starter visitor tests for {@code cspctl export --visitor-tests}: per experience, one visitor per
 * variant built from the variant's audiences (an A/B test: one from its target group), each
 * expecting what the evaluator says that visitor sees. Where that is not the variant the visitor
 * was built for, or cannot be evaluated, a comment says so, for the user to edit.
 */
public final class StarterTests {
  public static final String FILE = "visitor-tests.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  private StarterTests() {}

  /** The YAML of the starter tests, or null when the specs hold no experience. */
  public static String render(DesiredState specs, String schemaLocation, Instant now) {
    if (specs.experiences().isEmpty()) return null;
    Map<String, Audience> audiences = new HashMap<>();
    specs.audiences().forEach(a -> audiences.put(a.name(), a));
    Evaluator evaluator = Evaluator.of(specs);
    StringBuilder out =
        new StringBuilder(
            "# yaml-language-server: $schema="
                + schemaLocation
                + "\n"
                + "# Starter visitor tests written by 'cspctl export --visitor-tests': one visitor per variant, built from\n"
                + "# its audiences. Edit the visitors to the people you mean, then run 'cspctl test'.\n");
    boolean first = true;
    for (Experience e : specs.experiences()) {
      if (e.status() != ExperienceStatus.ACTIVE) {
        first =
            document(
                out,
                first,
                e.name() + ": gives nothing while " + e.status().name().toLowerCase(Locale.ROOT),
                JSON.createObjectNode(),
                e.name(),
                "none",
                null);
        continue;
      }
      if (e.type() == ExperienceType.AB_TEST) {
        ObjectNode v =
            new VisitorSynthesizer(audiences)
                .satisfy(e.audiences(), List.of(), e.match())
                .visitor();
        first = emit(out, first, evaluator, now, e, e.name() + ": in the A/B test", v, "any");
        continue;
      }
      for (Variant variant : e.variants()) {
        ObjectNode v =
            new VisitorSynthesizer(audiences)
                .satisfy(variant.audiences(), variant.lyticsAudiences(), variant.match())
                .visitor();
        first =
            emit(
                out, first, evaluator, now, e, e.name() + ": " + variant.name(), v, variant.name());
      }
    }
    return out.toString();
  }

  private static boolean emit(
      StringBuilder out,
      boolean first,
      Evaluator evaluator,
      Instant now,
      Experience e,
      String name,
      ObjectNode visitorJson,
      String intended) {
    if (visitorJson.has("attributes")) {
      // Only what the specs declare (a rule on an undeclared attribute is not evaluable anyway).
      visitorJson.with("attributes").retain(evaluator.attributeKeys());
      if (visitorJson.get("attributes").isEmpty()) visitorJson.remove("attributes");
    }
    Visitor visitor = VisitorFile.parse(visitorJson.toString(), name);
    ExperienceResult r = evaluator.evaluate(visitor, now).result(e.name()).orElseThrow();
    String expected =
        switch (r.given()) {
          case VARIANT -> r.variant();
          case IN_TEST -> "any";
          case NONE -> "none";
          case UNKNOWN -> intended;
        };
    String note = null;
    if (r.given() == Given.UNKNOWN) {
      note =
          "not evaluable offline: "
              + Explainer.unknown(
                  evaluator.explain(visitor, now).result(e.name()).orElseThrow().trace());
    } else if (!expected.equals(intended)) {
      note =
          "built to see '"
              + intended
              + "', but the specs give '"
              + expected
              + "': edit the visitor or the specs";
    }
    return document(out, first, name, visitorJson, e.name(), expected, note);
  }

  private static boolean document(
      StringBuilder out,
      boolean first,
      String name,
      ObjectNode visitor,
      String experience,
      String expected,
      String note) {
    if (!first) out.append("---\n");
    out.append("kind: VisitorTest\nname: ").append(quote(name)).append('\n');
    out.append("visitor: ").append(visitor).append('\n');
    if (note != null) out.append("# ").append(note.replace('\n', ' ')).append('\n');
    out.append("expect:\n  ")
        .append(quote(experience))
        .append(": ")
        .append(quote(expected))
        .append('\n');
    return false;
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
