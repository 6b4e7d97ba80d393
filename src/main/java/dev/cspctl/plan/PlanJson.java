package dev.cspctl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.spec.Kind;
import dev.cspctl.spec.ResourceKey;
import java.util.ArrayList;
import java.util.List;

/** Reads a plan back from its JSON form ({@code schemas/plan.schema.json}), for saved plans. */
public final class PlanJson {
  private PlanJson() {}

  public static Plan read(JsonNode root) {
    if (!"1".equals(root.path("format_version").asText())) {
      throw new PlanException("unsupported plan format_version " + root.path("format_version") + "; expected 1");
    }
    List<Change> changes = new ArrayList<>();
    for (JsonNode c : root.path("changes")) {
      Kind kind = Kind.fromYamlName(c.path("kind").asText()).orElseThrow(() -> new PlanException("unknown kind " + c.path("kind")));
      Action action = Action.valueOf(c.path("action").asText().toUpperCase());
      List<FieldDiff> diffs = new ArrayList<>();
      for (JsonNode d : c.path("diffs")) diffs.add(new FieldDiff(d.path("path").asText(), nullable(d.get("before")), nullable(d.get("after"))));
      changes.add(new Change(new ResourceKey(kind, c.path("key").asText()), action, nullable(c.get("before")),
          nullable(c.get("after")), diffs, strings(c.path("notes")), strings(c.path("steps"))));
    }
    List<Step> steps = new ArrayList<>();
    for (JsonNode s : root.path("steps")) {
      steps.add(new Step(s.path("id").asText(), StepType.valueOf(s.path("type").asText()), s.path("resource").asText(),
          s.path("description").asText(), s.path("args"), strings(s.path("depends_on"))));
    }
    List<String> warnings = strings(root.path("warnings"));
    return new Plan(changes, StepGraph.order(steps), root.path("unmanaged_ignored").asInt(), warnings);
  }

  private static JsonNode nullable(JsonNode n) {
    return n == null || n.isNull() ? null : n;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
