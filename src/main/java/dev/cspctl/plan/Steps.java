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

  /** Adds a step made elsewhere (another phase's). */
  void add(Step step) {
    if (steps.putIfAbsent(step.id(), step) != null)
      throw new PlanException("two steps with id " + step.id());
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
}
