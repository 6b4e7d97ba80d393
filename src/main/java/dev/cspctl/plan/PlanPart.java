package dev.cspctl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.spec.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one phase of planning decided: its changes and steps, which step writes each natural key
 * (for the dependencies of later phases), the live uids it claimed (matched to a spec), and its
 * warnings. The next phase takes it as an explicit input.
 */
record PlanPart(
    List<Change> changes,
    List<Step> steps,
    Map<String, StepId> writers,
    Set<String> claimed,
    List<String> warnings) {
  PlanPart {
    changes = List.copyOf(changes);
    steps = List.copyOf(steps);
    writers = Map.copyOf(writers);
    claimed = Set.copyOf(claimed);
    warnings = List.copyOf(warnings);
  }

  static PlanPart empty() {
    return new PlanPart(List.of(), List.of(), Map.of(), Set.of(), List.of());
  }

  /** The phases in order, as one; a step id made twice is a planner bug. */
  static PlanPart concat(List<PlanPart> parts) {
    Builder all = new Builder();
    for (PlanPart p : parts) {
      p.changes.forEach(c -> all.changes.put(c.key(), c));
      p.steps.forEach(all.steps::add);
      all.writers.putAll(p.writers);
      all.claimed.addAll(p.claimed);
      all.warnings.addAll(p.warnings);
    }
    return all.build();
  }

  /** The type of a step of this part. */
  StepType typeOf(StepId id) {
    for (Step s : steps) if (s.id().equals(id)) return s.type();
    throw new IllegalArgumentException("no step " + id);
  }

  /** Collects one phase's decisions; owned by that phase alone. */
  static final class Builder {
    final Steps steps = new Steps();
    private final Map<ResourceKey, Change> changes = new LinkedHashMap<>();
    final Map<String, StepId> writers = new HashMap<>();
    final Set<String> claimed = new HashSet<>();
    final List<String> warnings = new ArrayList<>();

    void addChange(
        ResourceKey key,
        Action action,
        JsonNode before,
        JsonNode after,
        List<String> notes,
        List<StepId> stepIds) {
      changes.put(
          key,
          new Change(key, action, before, after, JsonDiff.diff(before, after), notes, stepIds));
    }

    List<Change> changes() {
      return List.copyOf(changes.values());
    }

    PlanPart build() {
      return new PlanPart(changes(), steps.all(), writers, claimed, warnings);
    }
  }
}
