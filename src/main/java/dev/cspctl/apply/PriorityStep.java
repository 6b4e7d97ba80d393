package dev.cspctl.apply;

import dev.cspctl.plan.Op;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sets the priority: the plan's order (by name) first, then every other experience the project
 * holds now in its current order, because the API requires the full list.
 */
final class PriorityStep {
  private final ApplyContext ctx;

  PriorityStep(ApplyContext ctx) {
    this.ctx = ctx;
  }

  StepResult run(Op.SetPriority op, Inputs in) {
    List<String> live = ctx.personalize().getPriority();
    Set<String> existing = new LinkedHashSet<>(live);
    ctx.personalize().listExperiences().forEach(e -> existing.add(e.uid()));
    Set<String> order = new LinkedHashSet<>();
    for (String name : op.order())
      in.experienceUidIfKnown(name).filter(existing::contains).ifPresent(order::add);
    order.addAll(existing);
    List<String> full = new ArrayList<>(order);
    if (full.equals(live)) return new StepResult.Done("already in order");
    ctx.personalize().setPriority(full);
    return new StepResult.Done("set " + full.size() + " experiences");
  }
}
