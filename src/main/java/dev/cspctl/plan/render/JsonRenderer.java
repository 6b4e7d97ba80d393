package dev.cspctl.plan.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.plan.Change;
import dev.cspctl.plan.FieldDiff;
import dev.cspctl.plan.OpJson;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanJson;
import dev.cspctl.plan.Step;
import java.io.UncheckedIOException;

/** The versioned JSON form of a plan ({@code schemas/plan.schema.json}, format_version 1). */
public final class JsonRenderer {
  public static final String FORMAT_VERSION = PlanJson.FORMAT_VERSION;
  private static final ObjectMapper M =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public String render(Plan plan) {
    try {
      return M.writeValueAsString(toJson(plan)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode toJson(Plan plan) {
    ObjectNode root = JSON.objectNode();
    root.put("format_version", FORMAT_VERSION);
    Plan.Summary s = plan.summary();
    root.putObject("summary")
        .put("add", s.add())
        .put("change", s.change())
        .put("delete", s.delete())
        .put("adopt", s.adopt());
    root.put("unmanaged_ignored", plan.unmanagedIgnored());
    ArrayNode warnings = root.putArray("warnings");
    plan.warnings().forEach(warnings::add);
    ArrayNode changes = root.putArray("changes");
    for (Change c : plan.changes()) {
      ObjectNode o = changes.addObject();
      o.put("kind", c.key().kind().yamlName());
      o.put("key", c.key().name());
      o.put("action", c.action().verb());
      o.set("before", c.before() == null ? JSON.nullNode() : c.before());
      o.set("after", c.after() == null ? JSON.nullNode() : c.after());
      ArrayNode diffs = o.putArray("diffs");
      for (FieldDiff d : c.diffs()) {
        ObjectNode x = diffs.addObject().put("path", d.path());
        x.set("before", d.before() == null ? JSON.nullNode() : d.before());
        x.set("after", d.after() == null ? JSON.nullNode() : d.after());
      }
      ArrayNode notes = o.putArray("notes");
      c.notes().forEach(notes::add);
      ArrayNode ids = o.putArray("steps");
      c.stepIds().forEach(id -> ids.add(id.value()));
    }
    ArrayNode steps = root.putArray("steps");
    for (Step st : plan.steps()) {
      ObjectNode o = steps.addObject();
      o.put("id", st.id().value());
      o.put("type", st.type().name());
      o.put("resource", st.resource());
      o.put("description", st.description());
      ArrayNode deps = o.putArray("depends_on");
      st.dependsOn().forEach(id -> deps.add(id.value()));
      o.set("args", OpJson.args(st.op()));
    }
    return root;
  }
}
