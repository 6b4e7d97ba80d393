package dev.cspctl.plan;

import dev.cspctl.spec.Audience;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.ResourceKey;
import dev.cspctl.state.LiveAudience;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The planner: a pure function of (desired, live, options) to a {@link Plan}. Each kind is a phase
 * that joins desired and live by natural key and returns a {@link PlanPart}; a later phase takes
 * the earlier ones' parts as explicit inputs (which step writes the audience a version names, which
 * live uids the specs claimed). Only managed fields are compared; unmanaged live resources are
 * never touched except to adopt one a spec names; deletes happen only with prune, only for managed
 * resources.
 */
public final class Planner {
  public Plan plan(DesiredState desired, LiveState live, PlanOptions options) {
    LiveIndex index = new LiveIndex(live);
    index.nameRenamedAudiences(desired.audiences());
    Set<ResourceKey> scope =
        options.only().isEmpty() ? null : OnlyScope.expand(desired, options.only());
    PlanContext ctx = new PlanContext(desired, index, options, scope);
    ReferenceCheck.check(desired, live);
    refuseAmbiguousNames(desired, live);

    List<String> scopeWarning =
        scope == null
            ? List.of()
            : List.of(
                "plan restricted by --only to "
                    + scope.size()
                    + " resource(s) and what they depend on; prune is off");
    PlanPart attributes = KeyedPlanner.attributes(ctx);
    PlanPart events = KeyedPlanner.events(ctx);
    PlanPart audiences = AudiencePlanner.plan(ctx, attributes);
    PlanPart experiences = ExperiencePlanner.plan(ctx, audiences, events);
    PlanPart declared = PlanPart.concat(List.of(attributes, events, audiences, experiences));
    PrunePlanner.Result pruned = PrunePlanner.plan(ctx, declared);
    PlanPart sofar = PlanPart.concat(List.of(declared, pruned.part()));
    PlanPart priority =
        desired
            .priority()
            .filter(p -> ctx.inScope(p.resourceKey()))
            .map(p -> PriorityPlanner.plan(ctx, p, sofar))
            .orElse(PlanPart.empty());
    PlanPart all = PlanPart.concat(List.of(sofar, priority));

    List<Step> ordered = StepGraph.order(all.steps());
    Map<StepId, Integer> position = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) position.put(ordered.get(i).id(), i);
    List<Change> sorted = new ArrayList<>(all.changes());
    sorted.sort((a, b) -> Integer.compare(firstStep(a, position), firstStep(b, position)));
    List<String> warnings = new ArrayList<>(scopeWarning);
    warnings.addAll(all.warnings());
    return new Plan(sorted, ordered, pruned.unmanaged(), warnings);
  }

  /**
   * Audiences and experiences are matched by name, which the APIs do not keep unique. Two live ones
   * with the name of a desired one (e.g. made by two applies at once against one project) cannot be
   * told apart: refuse, naming them, instead of planning against either.
   */
  private static void refuseAmbiguousNames(DesiredState desired, LiveState live) {
    List<String> ambiguous = new ArrayList<>();
    for (Audience a : desired.audiences()) {
      List<String> uids =
          live.audiences().stream()
              .filter(l -> l.name().equals(a.name()))
              .map(LiveAudience::uid)
              .toList();
      if (uids.size() > 1)
        ambiguous.add("audience '" + a.name() + "' (uids " + String.join(", ", uids) + ")");
    }
    for (Experience e : desired.experiences()) {
      List<String> uids =
          live.experiences().stream()
              .filter(l -> l.name().equals(e.name()))
              .map(LiveExperience::uid)
              .toList();
      if (uids.size() > 1)
        ambiguous.add("experience '" + e.name() + "' (uids " + String.join(", ", uids) + ")");
    }
    if (!ambiguous.isEmpty()) {
      throw new PlanException(
          "more than one live resource has the name of "
              + String.join(", ", ambiguous)
              + "; cspctl cannot tell which one it manages: delete or rename the extra one in the UI. Two applies at once"
              + " against one project make such duplicates: run one apply at a time per project (in CI: a resource_group)");
    }
  }

  private static int firstStep(Change c, Map<StepId, Integer> position) {
    return c.stepIds().stream()
        .mapToInt(id -> position.getOrDefault(id, Integer.MAX_VALUE))
        .min()
        .orElse(Integer.MAX_VALUE);
  }
}
