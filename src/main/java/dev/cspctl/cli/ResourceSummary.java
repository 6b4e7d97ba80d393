package dev.cspctl.cli;

import dev.cspctl.apply.ApplyResult;
import dev.cspctl.apply.StepOutcome;
import dev.cspctl.plan.Change;
import dev.cspctl.plan.Plan;
import java.util.HashSet;
import java.util.Set;

/**
 * What an apply did to resources, Terraform's way: a change counts once all of its steps are done;
 * a replace is one added and one destroyed.
 */
record ResourceSummary(long added, long changed, long destroyed, long adopted) {
  static ResourceSummary of(Plan plan, ApplyResult result) {
    Set<dev.cspctl.plan.StepId> done = new HashSet<>();
    for (StepOutcome o : result.outcomes())
      if (o.status() == StepOutcome.Status.DONE) done.add(o.step().id());
    long added = 0;
    long changed = 0;
    long destroyed = 0;
    long adopted = 0;
    for (Change c : plan.changes()) {
      if (!done.containsAll(c.stepIds())) continue;
      switch (c.action()) {
        case CREATE -> added++;
        case UPDATE, RENAME -> changed++;
        case DELETE -> destroyed++;
        case REPLACE -> {
          added++;
          destroyed++;
        }
        case ADOPT -> adopted++;
      }
    }
    return new ResourceSummary(added, changed, destroyed, adopted);
  }

  String line() {
    return "Resources: "
        + added
        + " added, "
        + changed
        + " changed, "
        + destroyed
        + " destroyed"
        + (adopted > 0 ? ", " + adopted + " adopted" : "")
        + ".";
  }
}
