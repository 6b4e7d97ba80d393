package dev.cspctl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.personalize.AudienceRuleCodec;
import dev.cspctl.spec.Attribute;
import dev.cspctl.spec.Audience;
import dev.cspctl.spec.AudienceRules;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.Event;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.Kind;
import dev.cspctl.spec.ResourceKey;
import dev.cspctl.spec.Variant;
import dev.cspctl.state.LiveAttribute;
import dev.cspctl.state.LiveAudience;
import dev.cspctl.state.LiveEvent;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.LiveVersionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The planner: a pure function of (desired, live, options) to a {@link Plan}. Resources are
 * joined by natural key; only managed fields are compared; unmanaged live resources are never
 * touched except to adopt one a spec names; deletes happen only with prune, only for managed
 * resources.
 */
public final class Planner {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public Plan plan(DesiredState desired, LiveState live, PlanOptions options) {
    return new Run(desired, live, options).plan();
  }

  /** One planning run's working state. */
  static final class Run {
    final DesiredState desired;
    final LiveIndex index;
    final PlanOptions options;
    final Steps steps = new Steps();
    final Map<ResourceKey, Change> changes = new LinkedHashMap<>();
    final List<String> warnings = new ArrayList<>();
    final Map<String, StepId> attributeCreates = new HashMap<>();
    final Map<String, StepId> eventCreates = new HashMap<>();
    final Map<String, StepId> audienceWrites = new HashMap<>();
    final Set<String> claimedLiveUids = new HashSet<>();
    final Set<ResourceKey> scope;
    final Ownership ownership;

    Run(DesiredState desired, LiveState live, PlanOptions options) {
      this.desired = desired;
      this.index = new LiveIndex(live);
      index.nameRenamedAudiences(desired.audiences());
      this.options = options;
      this.ownership = options.ownership();
      this.scope = options.only().isEmpty() ? null : OnlyScope.expand(desired, options.only());
      if (scope != null) {
        warnings.add("plan restricted by --only to " + scope.size() + " resource(s) and what they depend on; prune is off");
      }
    }

    boolean inScope(ResourceKey key) {
      return scope == null || scope.contains(key);
    }

    Plan plan() {
      ReferenceCheck.check(desired, index.live);
      refuseAmbiguousNames();
      desired.attributes().stream().filter(a -> inScope(a.resourceKey())).forEach(this::attribute);
      desired.events().stream().filter(e -> inScope(e.resourceKey())).forEach(this::event);
      desired.audiences().stream().filter(a -> inScope(a.resourceKey())).forEach(this::audience);
      ExperiencePlanner experiences = new ExperiencePlanner(this);
      desired.experiences().stream().filter(e -> inScope(e.resourceKey())).forEach(experiences::plan);
      int unmanaged = unmanagedAndPrune(experiences);
      if (desired.priority().isPresent() && inScope(desired.priority().get().resourceKey())) {
        new PriorityPlanner(this).plan(desired.priority().get());
      }
      List<Step> ordered = StepGraph.order(steps.all());
      Map<StepId, Integer> position = new HashMap<>();
      for (int i = 0; i < ordered.size(); i++) position.put(ordered.get(i).id(), i);
      List<Change> sorted = new ArrayList<>(changes.values());
      sorted.sort((a, b) -> Integer.compare(firstStep(a, position), firstStep(b, position)));
      return new Plan(sorted, ordered, unmanaged, warnings);
    }

    /**
     * Audiences and experiences are matched by name, which the APIs do not keep unique. Two live
     * ones with the name of a desired one (e.g. made by two applies at once against one project)
     * cannot be told apart: refuse, naming them, instead of planning against either.
     */
    private void refuseAmbiguousNames() {
      List<String> ambiguous = new ArrayList<>();
      for (Audience a : desired.audiences()) {
        List<String> uids = index.live.audiences().stream().filter(l -> l.name().equals(a.name())).map(LiveAudience::uid).toList();
        if (uids.size() > 1) ambiguous.add("audience '" + a.name() + "' (uids " + String.join(", ", uids) + ")");
      }
      for (Experience e : desired.experiences()) {
        List<String> uids = index.live.experiences().stream().filter(l -> l.name().equals(e.name())).map(LiveExperience::uid).toList();
        if (uids.size() > 1) ambiguous.add("experience '" + e.name() + "' (uids " + String.join(", ", uids) + ")");
      }
      if (!ambiguous.isEmpty()) {
        throw new PlanException("more than one live resource has the name of " + String.join(", ", ambiguous)
            + "; cspctl cannot tell which one it manages: delete or rename the extra one in the UI. Two applies at once"
            + " against one project make such duplicates: run one apply at a time per project (in CI: a resource_group)");
      }
    }

    private static int firstStep(Change c, Map<StepId, Integer> position) {
      return c.stepIds().stream().mapToInt(id -> position.getOrDefault(id, Integer.MAX_VALUE)).min().orElse(Integer.MAX_VALUE);
    }

    void addChange(ResourceKey key, Action action, JsonNode before, JsonNode after, List<String> notes, List<StepId> stepIds) {
      List<FieldDiff> diffs = JsonDiff.diff(before, after);
      changes.put(key, new Change(key, action, before, after, diffs, notes, stepIds));
    }

    // --- attributes and events -------------------------------------------------------------

    private void attribute(Attribute a) {
      ObjectNode after = JSON.objectNode().put("key", a.key()).put("name", a.name()).put("description", a.description());
      Optional<LiveAttribute> live = index.live.attributeByKey(a.key());
      String description = ownership.marked(a.description());
      if (live.isEmpty()) {
        StepId id = steps.add(new Op.CreateAttribute(a.key(), a.name(), description), a.key(), "create attribute " + a.key(), List.of());
        attributeCreates.put(a.key(), id);
        addChange(a.resourceKey(), Action.CREATE, null, after, List.of(), List.of(id));
        return;
      }
      LiveAttribute l = live.get();
      claimedLiveUids.add(l.uid());
      ObjectNode before = JSON.objectNode().put("key", l.key()).put("name", l.name()).put("description", Ownership.strip(l.description()));
      boolean managed = ownership.owns(l.description());
      if (managed && before.equals(after)) return;
      StepId id = steps.add(new Op.UpdateAttribute(a.key(), a.name(), description, l.uid()), a.key(),
          (managed ? "update" : "adopt") + " attribute " + a.key(), List.of());
      addChange(a.resourceKey(), managed ? Action.UPDATE : Action.ADOPT, before, after, ownership.adoptionNotes(l.description()), List.of(id));
    }

    private void event(Event e) {
      ObjectNode after = JSON.objectNode().put("key", e.key()).put("description", e.description());
      Optional<LiveEvent> live = index.live.eventByKey(e.key());
      String description = ownership.marked(e.description());
      if (live.isEmpty()) {
        StepId id = steps.add(new Op.CreateEvent(e.key(), description), e.key(), "create event " + e.key(), List.of());
        eventCreates.put(e.key(), id);
        addChange(e.resourceKey(), Action.CREATE, null, after, List.of(), List.of(id));
        return;
      }
      LiveEvent l = live.get();
      claimedLiveUids.add(l.uid());
      ObjectNode before = JSON.objectNode().put("key", l.key()).put("description", Ownership.strip(l.description()));
      boolean managed = ownership.owns(l.description());
      if (managed && before.equals(after)) return;
      StepId id = steps.add(new Op.UpdateEvent(e.key(), description, l.uid()), e.key(),
          (managed ? "update" : "adopt") + " event " + e.key(), List.of());
      addChange(e.resourceKey(), managed ? Action.UPDATE : Action.ADOPT, before, after, ownership.adoptionNotes(l.description()), List.of(id));
    }

    // --- audiences ---------------------------------------------------------------------------

    ObjectNode keyedDefinition(AudienceRules rules) {
      return AudienceRuleCodec.canonical(AudienceRuleCodec.toKeyedApi(rules, index::attributeKey), k -> k);
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

    private void audience(Audience a) {
      ObjectNode keyed = keyedDefinition(a.rules());
      ObjectNode after = audienceView(a.name(), a.description(), keyed);
      List<StepId> deps = new ArrayList<>();
      collectAttributeRefs(keyed).forEach(k -> deps.add(attributeCreates.get(k)));
      String description = ownership.marked(a.description());
      Optional<LiveAudience> live = index.live.audienceByName(a.name());
      List<String> notes = new ArrayList<>();
      boolean renaming = false;
      if (live.isEmpty() && a.renamedFrom() != null) {
        live = index.live.audienceByName(a.renamedFrom());
        renaming = live.isPresent();
        if (renaming) notes.add("renamed from '" + a.renamedFrom() + "' (uid " + live.get().uid() + " kept)");
      }
      if (live.isEmpty()) {
        StepId id = steps.add(new Op.CreateAudience(a.name(), description, keyed), a.name(), "create audience '" + a.name() + "'", deps);
        audienceWrites.put(a.name(), id);
        addChange(a.resourceKey(), Action.CREATE, null, after, notes, List.of(id));
        return;
      }
      LiveAudience l = live.get();
      claimedLiveUids.add(l.uid());
      if (l.lytics()) {
        warnings.add("audience '" + a.name() + "' exists as a Lytics audience, which the API cannot change; the spec is ignored."
            + " Reference Lytics audiences in a variant's lyticsAudiences instead");
        return;
      }
      ObjectNode liveKeyed = AudienceRuleCodec.canonical(l.definition(), index::attributeKey);
      ObjectNode before = audienceView(l.name(), Ownership.strip(l.description()), liveKeyed);
      boolean managed = ownership.owns(l.description());
      if (managed && before.equals(after)) return;
      Action action = !managed ? Action.ADOPT : renaming ? Action.RENAME : Action.UPDATE;
      notes.addAll(ownership.adoptionNotes(l.description()));
      StepId id = steps.add(new Op.UpdateAudience(a.name(), description, keyed, l.uid()), a.name(),
          action.verb() + " audience '" + a.name() + "'", deps);
      audienceWrites.put(a.name(), id);
      addChange(a.resourceKey(), action, before, after, notes, List.of(id));
    }

    static Set<String> collectAttributeRefs(JsonNode def) {
      return AudienceRuleCodec.customAttributeRefs(def);
    }

    // --- unmanaged resources and prune -----------------------------------------------------------

    private int unmanagedAndPrune(ExperiencePlanner experiences) {
      int unmanaged = 0;
      List<String> managedNotDesired = new ArrayList<>();
      boolean prune = options.prune() && scope == null;
      Set<String> deletedExperiences = new HashSet<>();
      for (LiveExperience e : index.live.experiences()) {
        if (claimedLiveUids.contains(e.uid())) continue;
        if (!ownership.owns(e.description())) unmanaged += notOurs(e.description(), "experience '" + e.name() + "'");
        else if (prune) {
          experiences.deleteUndeclared(e);
          deletedExperiences.add(e.uid());
        } else managedNotDesired.add("experience '" + e.name() + "'");
      }
      InUse inUse = new InUse(deletedExperiences);
      Set<String> deletedAudiences = new HashSet<>();
      for (LiveAudience a : index.live.audiences()) {
        if (claimedLiveUids.contains(a.uid())) continue;
        if (!ownership.owns(a.description())) unmanaged += notOurs(a.description(), "audience '" + a.name() + "'");
        else if (prune && keep(inUse.audienceUsers(a.uid()), "audience '" + a.name() + "'")) continue;
        else if (prune) {
          deleteAudience(a);
          deletedAudiences.add(a.uid());
        } else managedNotDesired.add("audience '" + a.name() + "'");
      }
      for (LiveEvent e : index.live.events()) {
        if (claimedLiveUids.contains(e.uid()) || Ownership.LOCK_EVENT_KEY.equals(e.key())) continue;
        if (!ownership.owns(e.description())) unmanaged += notOurs(e.description(), "event " + e.key());
        else if (prune && keep(inUse.eventUsers(e), "event " + e.key())) continue;
        else if (prune) deleteEvent(e);
        else managedNotDesired.add("event " + e.key());
      }
      for (LiveAttribute a : index.live.attributes()) {
        if (claimedLiveUids.contains(a.uid())) continue;
        if (!ownership.owns(a.description())) unmanaged += notOurs(a.description(), "attribute " + a.key());
        else if (prune && keep(inUse.attributeUsers(a, deletedAudiences), "attribute " + a.key())) continue;
        else if (prune) deleteAttribute(a);
        else managedNotDesired.add("attribute " + a.key());
      }
      if (!managedNotDesired.isEmpty()) {
        warnings.add(managedNotDesired.size() + " managed resource(s) are no longer in the specs and are kept (run with --prune"
            + " to delete them): " + String.join(", ", managedNotDesired));
      }
      othersNotice(otherOwners, "managed by other owners (another spec folder's owner in cspctl.yaml)");
      othersNotice(copied, "marked as managed in another project (this project is a copy?); a spec that names one adopts it");
      return unmanaged;
    }

    private final List<String> otherOwners = new ArrayList<>();
    private final List<String> copied = new ArrayList<>();

    /**
     * A live resource this folder does not manage and no spec names: 1 when it has no marker
     * (counted as unmanaged); one with another owner's or project's marker is listed instead.
     */
    private int notOurs(String description, String what) {
      switch (ownership.claim(description)) {
        case OTHER_OWNER -> otherOwners.add(what);
        case OTHER_PROJECT -> copied.add(what);
        default -> {
          return 1;
        }
      }
      return 0;
    }

    private void othersNotice(List<String> what, String why) {
      if (what.isEmpty()) return;
      String names = String.join(", ", what.subList(0, Math.min(10, what.size())))
          + (what.size() > 10 ? " and " + (what.size() - 10) + " more" : "");
      warnings.add(what.size() + " live resource(s) " + why + " are left alone: " + names);
    }

    /** A managed resource no spec declares, still used by something that stays, is kept with a warning. */
    private boolean keep(List<String> users, String what) {
      if (users.isEmpty()) return false;
      warnings.add(what + " is managed and no longer in the specs, but is not deleted: still used by " + String.join(", ", users));
      return true;
    }

    /** What will still refer to a resource after this plan: the API refuses to delete a resource in use. */
    private final class InUse {
      private final Set<String> deletedExperiences;

      InUse(Set<String> deletedExperiences) {
        this.deletedExperiences = deletedExperiences;
      }

      private boolean desired(LiveExperience e) {
        return claimedLiveUids.contains(e.uid());
      }

      private boolean desiredStatusActive(LiveExperience e) {
        return desired.experiences().stream()
            .filter(d -> d.name().equals(e.name()) || e.name().equals(d.renamedFrom()))
            .anyMatch(d -> d.status() == dev.cspctl.spec.ExperienceStatus.ACTIVE);
      }

      /**
       * The live versions of an experience that will still hold references after this plan. An
       * ARCHIVED version holds nothing. A desired experience keeps its ACTIVE/PAUSED versions
       * unless the specs want it active (its activation, which the deletes wait for, archives
       * them); its draft is replaced by the desired variants. Any other experience keeps every
       * version that is not archived.
       */
      private java.util.stream.Stream<dev.cspctl.state.LiveVersion> holding(LiveExperience e) {
        if (deletedExperiences.contains(e.uid())) return java.util.stream.Stream.empty();
        if (desired(e) && desiredStatusActive(e)) return java.util.stream.Stream.empty();
        return e.versions().stream()
            .filter(v -> desired(e) ? v.status() == LiveVersionStatus.ACTIVE || v.status() == LiveVersionStatus.PAUSED : v.status() != LiveVersionStatus.ARCHIVED);
      }

      List<String> audienceUsers(String uid) {
        List<String> users = new ArrayList<>();
        for (LiveExperience e : index.live.experiences()) {
          boolean uses = holding(e).anyMatch(v -> v.targetAudiences().contains(uid) || v.variants().stream().anyMatch(x -> x.audiences().contains(uid)));
          if (uses) users.add("experience '" + e.name() + "'");
        }
        String name = index.audienceNameByUid.get(uid);
        for (var e : desired.experiences()) {
          if (e.audiences().contains(name) || e.variants().stream().anyMatch(v -> v.audiences().contains(name))) users.add("experience '" + e.name() + "' (in the specs)");
        }
        return users;
      }

      List<String> eventUsers(LiveEvent ev) {
        List<String> users = new ArrayList<>();
        for (LiveExperience e : index.live.experiences()) {
          boolean uses = holding(e).anyMatch(v -> v.metrics().stream().anyMatch(m -> ev.uid().equals(m.eventUid())));
          if (uses) users.add("experience '" + e.name() + "'");
        }
        for (var e : desired.experiences()) {
          if (e.metrics().stream().anyMatch(m -> m.event().equals(ev.key()))) users.add("experience '" + e.name() + "' (in the specs)");
        }
        return users;
      }

      List<String> attributeUsers(LiveAttribute attr, Set<String> deletedAudiences) {
        List<String> users = new ArrayList<>();
        for (LiveAudience a : index.live.audiences()) {
          if (deletedAudiences.contains(a.uid()) || claimedLiveUids.contains(a.uid())) continue;
          if (collectAttributeRefs(AudienceRuleCodec.canonical(a.definition(), index::attributeKey)).contains(attr.key())) {
            users.add("audience '" + a.name() + "'");
          }
        }
        for (var a : desired.audiences()) {
          if (collectAttributeRefs(keyedDefinition(a.rules())).contains(attr.key())) users.add("audience '" + a.name() + "' (in the specs)");
        }
        return users;
      }
    }

    /**
     * The steps after which no live version of the experiences matching {@code uses} refers to a
     * resource any more: their new configuration, activation (which archives the old version) or
     * deletion. A delete of the resource waits for them (the API refuses to delete one in use).
     */
    private List<StepId> stepsReleasing(java.util.function.Predicate<dev.cspctl.state.LiveVersion> uses) {
      List<StepId> out = new ArrayList<>();
      for (LiveExperience e : index.live.experiences()) {
        if (e.versions().stream().noneMatch(uses)) continue;
        for (Change c : changes.values()) {
          if (c.key().kind() != Kind.EXPERIENCE || !(c.key().name().equals(e.name()) || renamedFrom(c.key().name(), e.name()))) continue;
          for (StepId id : c.stepIds()) {
            StepType t = steps.type(id);
            if (t == StepType.CONFIGURE_VERSION || t == StepType.ACTIVATE_VERSION || t == StepType.DELETE_EXPERIENCE) out.add(id);
          }
        }
      }
      return out;
    }

    private boolean renamedFrom(String desiredName, String liveName) {
      return desired.experiences().stream().anyMatch(d -> d.name().equals(desiredName) && liveName.equals(d.renamedFrom()));
    }

    private static boolean namesAudience(dev.cspctl.state.LiveVersion v, String uid) {
      return v.targetAudiences().contains(uid) || v.variants().stream().anyMatch(x -> x.audiences().contains(uid));
    }

    private void deleteAudience(LiveAudience a) {
      StepId id = steps.add(new Op.DeleteAudience(a.uid(), a.name()), a.name() + "#" + a.uid(), "delete audience '" + a.name() + "'",
          stepsReleasing(v -> namesAudience(v, a.uid())));
      ObjectNode before = audienceView(a.name(), Ownership.strip(a.description()),
          AudienceRuleCodec.canonical(a.definition(), index::attributeKey));
      addChange(new ResourceKey(Kind.AUDIENCE, a.name()), Action.DELETE, before, null, List.of(), List.of(id));
    }

    private void deleteEvent(LiveEvent e) {
      StepId id = steps.add(new Op.DeleteEvent(e.uid(), e.key()), e.key() + "#" + e.uid(), "delete event " + e.key(),
          stepsReleasing(v -> v.metrics().stream().anyMatch(m -> e.uid().equals(m.eventUid()))));
      ObjectNode before = JSON.objectNode().put("key", e.key()).put("description", Ownership.strip(e.description()));
      addChange(new ResourceKey(Kind.EVENT, e.key()), Action.DELETE, before, null, List.of(), List.of(id));
    }

    private void deleteAttribute(LiveAttribute a) {
      // the audiences whose live definition names the attribute: their update or delete comes first
      List<StepId> deps = new ArrayList<>();
      for (LiveAudience l : index.live.audiences()) {
        if (!collectAttributeRefs(AudienceRuleCodec.canonical(l.definition(), index::attributeKey)).contains(a.key())) continue;
        for (Change c : changes.values()) {
          if (c.key().kind() == Kind.AUDIENCE && c.before() != null && c.before().path("name").asText().equals(l.name())) {
            deps.addAll(c.stepIds());
          }
        }
      }
      StepId id = steps.add(new Op.DeleteAttribute(a.uid(), a.key()), a.key() + "#" + a.uid(), "delete attribute " + a.key(), deps);
      ObjectNode before = JSON.objectNode().put("key", a.key()).put("name", a.name()).put("description", Ownership.strip(a.description()));
      addChange(new ResourceKey(Kind.ATTRIBUTE, a.key()), Action.DELETE, before, null, List.of(), List.of(id));
    }

    /** Audience names a variant refers to: the steps that write them must come first. */
    List<StepId> audienceDeps(Variant v) {
      return audienceDeps(v.audiences());
    }

    List<StepId> audienceDeps(List<String> names) {
      List<StepId> deps = new ArrayList<>();
      for (String name : names) deps.add(audienceWrites.get(name));
      return deps;
    }
  }
}
