package dev.cspctl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.spec.Kind;
import dev.cspctl.spec.ResourceKey;
import java.util.ArrayList;
import java.util.List;

/** Reads a plan back from its JSON form ({@code schemas/plan.schema.json}), for saved plans. */
public final class PlanJson {
  public static final String FORMAT_VERSION = "1";

  /**
   * The form of the steps' {@code args} in a saved plan: 2, each the fields of the operation its
   * step type names. Saved plans record it; one without it (untyped arguments) is refused.
   */
  public static final int OPERATIONS_VERSION = 2;

  private PlanJson() {}

  public static Plan read(JsonNode root) {
    if (!FORMAT_VERSION.equals(root.path("format_version").asText())) {
      throw new PlanException(
          "unsupported plan format_version "
              + root.path("format_version")
              + "; expected "
              + FORMAT_VERSION);
    }
    List<Change> changes = new ArrayList<>();
    for (JsonNode c : root.path("changes")) {
      Kind kind =
          Kind.fromYamlName(c.path("kind").asText())
              .orElseThrow(() -> new PlanException("unknown kind " + c.path("kind")));
      Action action = Action.valueOf(c.path("action").asText().toUpperCase(java.util.Locale.ROOT));
      List<FieldDiff> diffs = new ArrayList<>();
      for (JsonNode d : c.path("diffs"))
        diffs.add(
            new FieldDiff(
                d.path("path").asText(), nullable(d.get("before")), nullable(d.get("after"))));
      changes.add(
          new Change(
              new ResourceKey(kind, c.path("key").asText()),
              action,
              nullable(c.get("before")),
              nullable(c.get("after")),
              diffs,
              strings(c.path("notes")),
              ids(c.path("steps"))));
    }
    List<Step> steps = new ArrayList<>();
    for (JsonNode s : root.path("steps")) {
      Op op = OpJson.read(s);
      StepId id = new StepId(s.path("id").asText());
      if (!id.value().startsWith(op.stepType().name().toLowerCase(java.util.Locale.ROOT) + ":")) {
        throw new PlanException("step " + id + " does not match its type " + op.stepType());
      }
      steps.add(new Step(id, op, s.path("description").asText(), ids(s.path("depends_on"))));
    }
    List<String> warnings = strings(root.path("warnings"));
    return new Plan(
        changes, StepGraph.order(steps), root.path("unmanaged_ignored").asInt(), warnings);
  }

  private static JsonNode nullable(JsonNode n) {
    return n == null || n.isNull() ? null : n;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<StepId> ids(JsonNode array) {
    List<StepId> out = new ArrayList<>();
    for (JsonNode n : array) {
      try {
        out.add(new StepId(n.asText()));
      } catch (IllegalArgumentException e) {
        throw new PlanException(e.getMessage());
      }
    }
    return out;
  }
}
