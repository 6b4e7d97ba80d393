package dev.cspctl.apply;

import java.util.List;

/** Per-step outcomes of an apply, in the order they finished. */
public record ApplyResult(List<StepOutcome> outcomes, long millis) {
  public ApplyResult {
    outcomes = List.copyOf(outcomes);
  }

  public long count(StepOutcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }

  public boolean succeeded() {
    return count(StepOutcome.Status.FAILED) == 0 && count(StepOutcome.Status.SKIPPED) == 0;
  }

  public String summary() {
    return String.format("Apply %s: %d done, %d failed, %d skipped, in %.1f s.",
        succeeded() ? "complete" : "incomplete", count(StepOutcome.Status.DONE), count(StepOutcome.Status.FAILED),
        count(StepOutcome.Status.SKIPPED), millis / 1000.0);
  }
}
