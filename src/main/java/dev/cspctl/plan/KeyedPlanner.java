package dev.cspctl.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.spec.Attribute;
import dev.cspctl.spec.Event;
import dev.cspctl.spec.ResourceKey;
import dev.cspctl.state.LiveAttribute;
import dev.cspctl.state.LiveEvent;
import java.util.List;
import java.util.function.Function;

/**
 * Attributes and events, joined by key: desired only → create; both → update, adopt (an unmanaged
 * one gets the ownership marker) or nothing. Writers: key → the create step (what audiences and
 * versions that name it wait for).
 */
final class KeyedPlanner {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private KeyedPlanner() {}

  /**
   * One desired resource joined with its live one (null: none): its managed view, and the
   * operations that create it or (given the live uid) update it.
   */
  private record Joined(
      ResourceKey resourceKey,
      String key,
      String kind,
      ObjectNode after,
      String liveUid,
      String liveDescription,
      ObjectNode before,
      Op create,
      Function<String, Op> update) {}

  static PlanPart attributes(PlanContext ctx) {
    PlanPart.Builder out = new PlanPart.Builder();
    for (Attribute a : ctx.desired().attributes()) {
      if (!ctx.inScope(a.resourceKey())) continue;
      LiveAttribute l = ctx.index().live.attributeByKey(a.key()).orElse(null);
      String description = ctx.ownership().marked(a.description());
      plan(
          ctx,
          out,
          new Joined(
              a.resourceKey(),
              a.key(),
              "attribute",
              view(a.key(), a.name(), a.description()),
              l == null ? null : l.uid(),
              l == null ? null : l.description(),
              l == null ? null : view(l.key(), l.name(), Ownership.strip(l.description())),
              new Op.CreateAttribute(a.key(), a.name(), description),
              uid -> new Op.UpdateAttribute(a.key(), a.name(), description, uid)));
    }
    return out.build();
  }

  static PlanPart events(PlanContext ctx) {
    PlanPart.Builder out = new PlanPart.Builder();
    for (Event e : ctx.desired().events()) {
      if (!ctx.inScope(e.resourceKey())) continue;
      LiveEvent l = ctx.index().live.eventByKey(e.key()).orElse(null);
      String description = ctx.ownership().marked(e.description());
      plan(
          ctx,
          out,
          new Joined(
              e.resourceKey(),
              e.key(),
              "event",
              view(e.key(), null, e.description()),
              l == null ? null : l.uid(),
              l == null ? null : l.description(),
              l == null ? null : view(l.key(), null, Ownership.strip(l.description())),
              new Op.CreateEvent(e.key(), description),
              uid -> new Op.UpdateEvent(e.key(), description, uid)));
    }
    return out.build();
  }

  /** The managed fields: key, name (attributes only: null leaves it out) and description. */
  private static ObjectNode view(String key, String name, String description) {
    ObjectNode v = JSON.objectNode().put("key", key);
    if (name != null) v.put("name", name);
    return v.put("description", description);
  }

  private static void plan(PlanContext ctx, PlanPart.Builder out, Joined j) {
    if (j.liveUid() == null) {
      StepId id =
          out.steps.add(j.create(), j.key(), "create " + j.kind() + " " + j.key(), List.of());
      out.writers.put(j.key(), id);
      out.addChange(j.resourceKey(), Action.CREATE, null, j.after(), List.of(), List.of(id));
      return;
    }
    out.claimed.add(j.liveUid());
    boolean managed = ctx.ownership().owns(j.liveDescription());
    if (managed && j.before().equals(j.after())) return;
    StepId id =
        out.steps.add(
            j.update().apply(j.liveUid()),
            j.key(),
            (managed ? "update " : "adopt ") + j.kind() + " " + j.key(),
            List.of());
    out.addChange(
        j.resourceKey(),
        managed ? Action.UPDATE : Action.ADOPT,
        j.before(),
        j.after(),
        ctx.ownership().adoptionNotes(j.liveDescription()),
        List.of(id));
  }
}
