package dev.cspctl.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.personalize.AudienceRuleCodec;
import dev.cspctl.spec.ExperienceStatus;
import dev.cspctl.spec.Kind;
import dev.cspctl.spec.ResourceKey;
import dev.cspctl.state.LiveAttribute;
import dev.cspctl.state.LiveAudience;
import dev.cspctl.state.LiveEvent;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveVersion;
import dev.cspctl.state.LiveVersionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The live resources no spec declares (live only, in the join): unmanaged ones are counted and
 * never touched; managed ones are kept with a warning, or with prune deleted — unless something
 * that stays still uses them. Experiences first, then what they use (audiences, events), then what
 * audiences use (attributes); each delete waits for the steps that stop its users naming it.
 */
final class PrunePlanner {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final PlanContext ctx;
  private final PlanPart declared;
  private final PlanPart.Builder out = new PlanPart.Builder();
  private final Set<String> deletedExperiences = new HashSet<>();
  private final Set<String> deletedAudiences = new HashSet<>();
  private final List<String> managedNotDesired = new ArrayList<>();
  private final List<String> otherOwners = new ArrayList<>();
  private final List<String> copied = new ArrayList<>();
  private int unmanaged;

  /** What pruning decided, and how many live resources were left alone unmanaged. */
  record Result(PlanPart part, int unmanaged) {}

  /**
   * A live resource no spec declares: who still uses it (after this plan), and how to delete it.
   */
  private record Undeclared(
      String uid, String description, String what, Supplier<List<String>> users, Runnable delete) {}

  private PrunePlanner(PlanContext ctx, PlanPart declared) {
    this.ctx = ctx;
    this.declared = declared;
  }

  /**
   * @param declared the phases that planned what the specs declare (their claimed live uids and
   *     changes)
   */
  static Result plan(PlanContext ctx, PlanPart declared) {
    PrunePlanner p = new PrunePlanner(ctx, declared);
    p.run();
    return new Result(p.out.build(), p.unmanaged);
  }

  private void run() {
    var live = ctx.index().live;
    for (LiveExperience e : live.experiences()) {
      consider(
          new Undeclared(
              e.uid(),
              e.description(),
              "experience '" + e.name() + "'",
              List::of,
              () -> deleteExperience(e)));
    }
    for (LiveAudience a : live.audiences()) {
      consider(
          new Undeclared(
              a.uid(),
              a.description(),
              "audience '" + a.name() + "'",
              () -> audienceUsers(a.uid()),
              () -> deleteAudience(a)));
    }
    for (LiveEvent e : live.events()) {
      if (Ownership.LOCK_EVENT_KEY.equals(e.key())) continue;
      consider(
          new Undeclared(
              e.uid(),
              e.description(),
              "event " + e.key(),
              () -> eventUsers(e),
              () -> deleteEvent(e)));
    }
    for (LiveAttribute a : live.attributes()) {
      consider(
          new Undeclared(
              a.uid(),
              a.description(),
              "attribute " + a.key(),
              () -> attributeUsers(a),
              () -> deleteAttribute(a)));
    }
    if (!managedNotDesired.isEmpty()) {
      out.warnings.add(
          managedNotDesired.size()
              + " managed resource(s) are no longer in the specs and are kept (run with --prune"
              + " to delete them): "
              + String.join(", ", managedNotDesired));
    }
    othersNotice(
        otherOwners, "managed by other owners (another spec folder's owner in cspctl.yaml)");
    othersNotice(
        copied,
        "marked as managed in another project (this project is a copy?); a spec that names one adopts it");
  }

  private void consider(Undeclared r) {
    if (declared.claimed().contains(r.uid())) return;
    if (!ctx.ownership().owns(r.description())) {
      notOurs(r.description(), r.what());
    } else if (!ctx.pruning()) {
      managedNotDesired.add(r.what());
    } else {
      List<String> users = r.users().get();
      if (users.isEmpty()) {
        r.delete().run();
      } else {
        out.warnings.add(
            r.what()
                + " is managed and no longer in the specs, but is not deleted: still used by "
                + String.join(", ", users));
      }
    }
  }

  /**
   * A live resource this folder does not manage and no spec names: counted as unmanaged when it has
   * no marker; one with another owner's or project's marker is listed instead.
   */
  private void notOurs(String description, String what) {
    switch (ctx.ownership().claim(description)) {
      case OTHER_OWNER -> otherOwners.add(what);
      case OTHER_PROJECT -> copied.add(what);
      default -> unmanaged++;
    }
  }

  private void othersNotice(List<String> what, String why) {
    if (what.isEmpty()) return;
    String names =
        String.join(", ", what.subList(0, Math.min(10, what.size())))
            + (what.size() > 10 ? " and " + (what.size() - 10) + " more" : "");
    out.warnings.add(what.size() + " live resource(s) " + why + " are left alone: " + names);
  }

  // --- who still uses a resource after this plan (the API refuses to delete one in use) --------

  private boolean desired(LiveExperience e) {
    return declared.claimed().contains(e.uid());
  }

  private boolean desiredStatusActive(LiveExperience e) {
    return ctx.desired().experiences().stream()
        .filter(d -> d.name().equals(e.name()) || e.name().equals(d.renamedFrom()))
        .anyMatch(d -> d.status() == ExperienceStatus.ACTIVE);
  }

  /**
   * The live versions of an experience that will still hold references after this plan. An ARCHIVED
   * version holds nothing. A desired experience keeps its ACTIVE/PAUSED versions unless the specs
   * want it active (its activation, which the deletes wait for, archives them); its draft is
   * replaced by the desired variants. Any other experience keeps every version that is not
   * archived.
   */
  private Stream<LiveVersion> holding(LiveExperience e) {
    if (deletedExperiences.contains(e.uid())) return Stream.empty();
    if (desired(e) && desiredStatusActive(e)) return Stream.empty();
    return e.versions().stream()
        .filter(
            v ->
                desired(e)
                    ? v.status() == LiveVersionStatus.ACTIVE
                        || v.status() == LiveVersionStatus.PAUSED
                    : v.status() != LiveVersionStatus.ARCHIVED);
  }

  private List<String> audienceUsers(String uid) {
    List<String> users = new ArrayList<>();
    for (LiveExperience e : ctx.index().live.experiences()) {
      if (holding(e).anyMatch(v -> namesAudience(v, uid)))
        users.add("experience '" + e.name() + "'");
    }
    String name = ctx.index().audienceNameIfKnown(uid).orElse(null);
    for (var e : ctx.desired().experiences()) {
      if (e.audiences().contains(name)
          || e.variants().stream().anyMatch(v -> v.audiences().contains(name))) {
        users.add("experience '" + e.name() + "' (in the specs)");
      }
    }
    return users;
  }

  private List<String> eventUsers(LiveEvent ev) {
    List<String> users = new ArrayList<>();
    for (LiveExperience e : ctx.index().live.experiences()) {
      if (holding(e).anyMatch(v -> namesEvent(v, ev.uid())))
        users.add("experience '" + e.name() + "'");
    }
    for (var e : ctx.desired().experiences()) {
      if (e.metrics().stream().anyMatch(m -> m.event().equals(ev.key())))
        users.add("experience '" + e.name() + "' (in the specs)");
    }
    return users;
  }

  private List<String> attributeUsers(LiveAttribute attr) {
    List<String> users = new ArrayList<>();
    for (LiveAudience a : ctx.index().live.audiences()) {
      if (deletedAudiences.contains(a.uid()) || declared.claimed().contains(a.uid())) continue;
      if (liveAttributeRefs(a).contains(attr.key())) users.add("audience '" + a.name() + "'");
    }
    for (var a : ctx.desired().audiences()) {
      if (AudiencePlanner.collectAttributeRefs(
              AudiencePlanner.keyedDefinition(a.rules(), ctx.index()))
          .contains(attr.key())) {
        users.add("audience '" + a.name() + "' (in the specs)");
      }
    }
    return users;
  }

  private Set<String> liveAttributeRefs(LiveAudience a) {
    return AudiencePlanner.collectAttributeRefs(
        AudienceRuleCodec.canonical(a.definition(), ctx.index()::attributeKey));
  }

  private static boolean namesAudience(LiveVersion v, String uid) {
    return v.targetAudiences().contains(uid)
        || v.variants().stream().anyMatch(x -> x.audiences().contains(uid));
  }

  private static boolean namesEvent(LiveVersion v, String uid) {
    return v.metrics().stream().anyMatch(m -> uid.equals(m.eventUid()));
  }

  // --- deletes, each waiting for the steps that stop its users naming it ------------------------

  private void deleteExperience(LiveExperience e) {
    new ExperiencePlanner(ctx, out, Map.of(), Map.of()).deleteUndeclared(e);
    deletedExperiences.add(e.uid());
  }

  private void deleteAudience(LiveAudience a) {
    StepId id =
        out.steps.add(
            new Op.DeleteAudience(a.uid(), a.name()),
            a.name() + "#" + a.uid(),
            "delete audience '" + a.name() + "'",
            stepsReleasing(v -> namesAudience(v, a.uid())));
    ObjectNode before =
        AudiencePlanner.audienceView(
            a.name(),
            Ownership.strip(a.description()),
            AudienceRuleCodec.canonical(a.definition(), ctx.index()::attributeKey));
    out.addChange(
        new ResourceKey(Kind.AUDIENCE, a.name()),
        Action.DELETE,
        before,
        null,
        List.of(),
        List.of(id));
    deletedAudiences.add(a.uid());
  }

  private void deleteEvent(LiveEvent e) {
    StepId id =
        out.steps.add(
            new Op.DeleteEvent(e.uid(), e.key()),
            e.key() + "#" + e.uid(),
            "delete event " + e.key(),
            stepsReleasing(v -> namesEvent(v, e.uid())));
    ObjectNode before =
        JSON.objectNode().put("key", e.key()).put("description", Ownership.strip(e.description()));
    out.addChange(
        new ResourceKey(Kind.EVENT, e.key()), Action.DELETE, before, null, List.of(), List.of(id));
  }

  /**
   * Waits for the writes and deletes of the audiences whose live definitions name the attribute.
   */
  private void deleteAttribute(LiveAttribute a) {
    List<StepId> deps = new ArrayList<>();
    for (LiveAudience l : ctx.index().live.audiences()) {
      if (!liveAttributeRefs(l).contains(a.key())) continue;
      for (Change c : allChanges()) {
        if (c.key().kind() == Kind.AUDIENCE
            && c.before() != null
            && c.before().path("name").asText().equals(l.name())) {
          deps.addAll(c.stepIds());
        }
      }
    }
    StepId id =
        out.steps.add(
            new Op.DeleteAttribute(a.uid(), a.key()),
            a.key() + "#" + a.uid(),
            "delete attribute " + a.key(),
            deps);
    ObjectNode before =
        JSON.objectNode()
            .put("key", a.key())
            .put("name", a.name())
            .put("description", Ownership.strip(a.description()));
    out.addChange(
        new ResourceKey(Kind.ATTRIBUTE, a.key()),
        Action.DELETE,
        before,
        null,
        List.of(),
        List.of(id));
  }

  /**
   * The steps after which no live version of the experiences matching {@code uses} refers to a
   * resource any more: their new configuration, activation (which archives the old version) or
   * deletion.
   */
  private List<StepId> stepsReleasing(Predicate<LiveVersion> uses) {
    Map<StepId, StepType> types = new HashMap<>();
    declared.steps().forEach(s -> types.put(s.id(), s.type()));
    out.steps.all().forEach(s -> types.put(s.id(), s.type()));
    List<StepId> found = new ArrayList<>();
    for (LiveExperience e : ctx.index().live.experiences()) {
      if (e.versions().stream().noneMatch(uses)) continue;
      for (Change c : allChanges()) {
        if (c.key().kind() != Kind.EXPERIENCE
            || !(c.key().name().equals(e.name()) || renamedFrom(c.key().name(), e.name())))
          continue;
        for (StepId id : c.stepIds()) {
          StepType t = types.get(id);
          if (t == StepType.CONFIGURE_VERSION
              || t == StepType.ACTIVATE_VERSION
              || t == StepType.DELETE_EXPERIENCE) found.add(id);
        }
      }
    }
    return found;
  }

  private List<Change> allChanges() {
    List<Change> all = new ArrayList<>(declared.changes());
    all.addAll(out.changes());
    return all;
  }

  private boolean renamedFrom(String desiredName, String liveName) {
    return ctx.desired().experiences().stream()
        .anyMatch(d -> d.name().equals(desiredName) && liveName.equals(d.renamedFrom()));
  }
}
