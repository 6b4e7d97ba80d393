package dev.cspctl.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the steps of a plan while it is made; ids are {@code type:resource}, unique. */
final class Steps {
  private final Map<StepId, Step> steps = new LinkedHashMap<>();

  StepId add(Op op, String resource, String description, List<StepId> dependsOn) {
    StepId id = StepId.of(op.stepType(), resource);
    if (steps.containsKey(id)) throw new PlanException("two steps with id " + id);
    steps.put(id, new Step(id, op, description, dependsOn));
    return id;
  }

  /** Adds dependencies to a step already added. */
  void addDependencies(StepId id, List<StepId> more) {
    steps.put(id, steps.get(id).withDependencies(more));
  }

  StepType type(StepId id) {
    return steps.get(id).type();
  }

  boolean has(StepId id) {
    return steps.containsKey(id);
  }

  List<Step> all() {
    return new ArrayList<>(steps.values());
  }

  List<StepId> idsOfType(StepType... types) {
    List<StepId> out = new ArrayList<>();
    for (Step s : steps.values()) for (StepType t : types) if (s.type() == t) out.add(s.id());
    return out;
  }
}
