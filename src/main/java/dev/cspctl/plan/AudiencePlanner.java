package dev.cspctl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.personalize.AudienceRuleCodec;
import dev.cspctl.spec.Audience;
import dev.cspctl.spec.AudienceRules;
import dev.cspctl.state.LiveAudience;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Audiences, joined by name (or {@code renamedFrom}): desired only → create; both → update, rename,
 * adopt or nothing; a Lytics audience is never written. A write waits for the creates of the
 * attributes its rules name. Writers: name → the step that writes it.
 */
final class AudiencePlanner {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final PlanContext ctx;
  private final Map<String, StepId> attributeWriters;
  private final PlanPart.Builder out = new PlanPart.Builder();

  private AudiencePlanner(PlanContext ctx, Map<String, StepId> attributeWriters) {
    this.ctx = ctx;
    this.attributeWriters = attributeWriters;
  }

  static PlanPart plan(PlanContext ctx, PlanPart attributes) {
    AudiencePlanner p = new AudiencePlanner(ctx, attributes.writers());
    ctx.desired().audiences().stream()
        .filter(a -> ctx.inScope(a.resourceKey()))
        .forEach(p::audience);
    return p.out.build();
  }

  static ObjectNode keyedDefinition(AudienceRules rules, LiveIndex index) {
    return AudienceRuleCodec.canonical(
        AudienceRuleCodec.toKeyedApi(rules, index::attributeKey), k -> k);
  }

  static ObjectNode audienceView(String name, String description, ObjectNode keyed) {
    ObjectNode v = JSON.objectNode().put("name", name).put("description", description);
    Optional<ObjectNode> lang = AudienceRuleCodec.toLanguage(keyed);
    if (lang.isPresent()) {
      v.set("match", lang.get().get("match"));
      v.set("rules", lang.get().get("rules"));
    } else {
      v.set("definition", keyed);
    }
    return v;
  }

  static Set<String> collectAttributeRefs(JsonNode def) {
    return new HashSet<>(AudienceRuleCodec.customAttributeRefs(def));
  }

  private void audience(Audience a) {
    Ownership ownership = ctx.ownership();
    ObjectNode keyed = keyedDefinition(a.rules(), ctx.index());
    ObjectNode after = audienceView(a.name(), a.description(), keyed);
    List<StepId> deps = new ArrayList<>();
    collectAttributeRefs(keyed).forEach(k -> deps.add(attributeWriters.get(k)));
    String description = ownership.marked(a.description());
    Optional<LiveAudience> live = ctx.index().live.audienceByName(a.name());
    List<String> notes = new ArrayList<>();
    boolean renaming = false;
    if (live.isEmpty() && a.renamedFrom() != null) {
      live = ctx.index().live.audienceByName(a.renamedFrom());
      renaming = live.isPresent();
      if (renaming)
        notes.add("renamed from '" + a.renamedFrom() + "' (uid " + live.get().uid() + " kept)");
    }
    if (live.isEmpty()) {
      StepId id =
          out.steps.add(
              new Op.CreateAudience(a.name(), description, keyed),
              a.name(),
              "create audience '" + a.name() + "'",
              deps);
      out.writers.put(a.name(), id);
      out.addChange(a.resourceKey(), Action.CREATE, null, after, notes, List.of(id));
      return;
    }
    LiveAudience l = live.get();
    out.claimed.add(l.uid());
    if (l.lytics()) {
      out.warnings.add(
          "audience '"
              + a.name()
              + "' exists as a Lytics audience, which the API cannot change; the spec is ignored."
              + " Reference Lytics audiences in a variant's lyticsAudiences instead");
      return;
    }
    ObjectNode liveKeyed = AudienceRuleCodec.canonical(l.definition(), ctx.index()::attributeKey);
    ObjectNode before = audienceView(l.name(), Ownership.strip(l.description()), liveKeyed);
    boolean managed = ownership.owns(l.description());
    if (managed && before.equals(after)) return;
    Action action = !managed ? Action.ADOPT : renaming ? Action.RENAME : Action.UPDATE;
    notes.addAll(ownership.adoptionNotes(l.description()));
    StepId id =
        out.steps.add(
            new Op.UpdateAudience(a.name(), description, keyed, l.uid()),
            a.name(),
            action.verb() + " audience '" + a.name() + "'",
            deps);
    out.writers.put(a.name(), id);
    out.addChange(a.resourceKey(), action, before, after, notes, List.of(id));
  }
}
