package dev.cspctl.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * One API operation of a plan: its id, the operation, a line for the reviewer, and the steps that
 * must succeed first (distinct, in the order the planner found them).
 */
public record Step(StepId id, Op op, String description, List<StepId> dependsOn) {
  public Step {
    List<StepId> distinct = new ArrayList<>();
    for (StepId d : dependsOn)
      if (d != null && !distinct.contains(d) && !d.equals(id)) distinct.add(d);
    dependsOn = List.copyOf(distinct);
  }

  public StepType type() {
    return op.stepType();
  }

  public String resource() {
    return id.resource();
  }

  /** The experience whose chain this step belongs to, or null. */
  public String experience() {
    return op instanceof Op.OnExperience e ? e.experience() : null;
  }
}
