package dev.cspctl.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.spec.Attribute;
import dev.cspctl.spec.Event;
import dev.cspctl.state.LiveAttribute;
import dev.cspctl.state.LiveEvent;
import java.util.List;
import java.util.Optional;

/**
 * Attributes and events, joined by key: desired only → create; both → update, adopt (an unmanaged
 * one gets the ownership marker) or nothing. Writers: key → the create step (what audiences and
 * versions that name it wait for).
 */
final class KeyedPlanner {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private KeyedPlanner() {}

  static PlanPart attributes(PlanContext ctx) {
    PlanPart.Builder out = new PlanPart.Builder();
    Ownership ownership = ctx.ownership();
    for (Attribute a : ctx.desired().attributes()) {
      if (!ctx.inScope(a.resourceKey())) continue;
      ObjectNode after =
          JSON.objectNode()
              .put("key", a.key())
              .put("name", a.name())
              .put("description", a.description());
      Optional<LiveAttribute> live = ctx.index().live.attributeByKey(a.key());
      String description = ownership.marked(a.description());
      if (live.isEmpty()) {
        StepId id =
            out.steps.add(
                new Op.CreateAttribute(a.key(), a.name(), description),
                a.key(),
                "create attribute " + a.key(),
                List.of());
        out.writers.put(a.key(), id);
        out.addChange(a.resourceKey(), Action.CREATE, null, after, List.of(), List.of(id));
        continue;
      }
      LiveAttribute l = live.get();
      out.claimed.add(l.uid());
      ObjectNode before =
          JSON.objectNode()
              .put("key", l.key())
              .put("name", l.name())
              .put("description", Ownership.strip(l.description()));
      boolean managed = ownership.owns(l.description());
      if (managed && before.equals(after)) continue;
      StepId id =
          out.steps.add(
              new Op.UpdateAttribute(a.key(), a.name(), description, l.uid()),
              a.key(),
              (managed ? "update" : "adopt") + " attribute " + a.key(),
              List.of());
      out.addChange(
          a.resourceKey(),
          managed ? Action.UPDATE : Action.ADOPT,
          before,
          after,
          ownership.adoptionNotes(l.description()),
          List.of(id));
    }
    return out.build();
  }

  static PlanPart events(PlanContext ctx) {
    PlanPart.Builder out = new PlanPart.Builder();
    Ownership ownership = ctx.ownership();
    for (Event e : ctx.desired().events()) {
      if (!ctx.inScope(e.resourceKey())) continue;
      ObjectNode after = JSON.objectNode().put("key", e.key()).put("description", e.description());
      Optional<LiveEvent> live = ctx.index().live.eventByKey(e.key());
      String description = ownership.marked(e.description());
      if (live.isEmpty()) {
        StepId id =
            out.steps.add(
                new Op.CreateEvent(e.key(), description),
                e.key(),
                "create event " + e.key(),
                List.of());
        out.writers.put(e.key(), id);
        out.addChange(e.resourceKey(), Action.CREATE, null, after, List.of(), List.of(id));
        continue;
      }
      LiveEvent l = live.get();
      out.claimed.add(l.uid());
      ObjectNode before =
          JSON.objectNode()
              .put("key", l.key())
              .put("description", Ownership.strip(l.description()));
      boolean managed = ownership.owns(l.description());
      if (managed && before.equals(after)) continue;
      StepId id =
          out.steps.add(
              new Op.UpdateEvent(e.key(), description, l.uid()),
              e.key(),
              (managed ? "update" : "adopt") + " event " + e.key(),
              List.of());
      out.addChange(
          e.resourceKey(),
          managed ? Action.UPDATE : Action.ADOPT,
          before,
          after,
          ownership.adoptionNotes(l.description()),
          List.of(id));
    }
    return out.build();
  }
}
