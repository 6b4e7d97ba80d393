package dev.cspctl.apply;

import java.util.List;

/**
 * Per-step outcomes of an apply, in the order they finished.
 *
 * @param notStarted steps that never started because the apply was stopped (0 otherwise)
 * @param stoppedBecause why the apply was stopped before its end (a signal, a lost lock), or null
 */
public record ApplyResult(
    List<StepOutcome> outcomes, long millis, int notStarted, String stoppedBecause) {
  public ApplyResult {
    outcomes = List.copyOf(outcomes);
  }

  public ApplyResult(List<StepOutcome> outcomes, long millis) {
    this(outcomes, millis, 0, null);
  }

  public long count(StepOutcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }

  public boolean stopped() {
    return stoppedBecause != null;
  }

  public boolean succeeded() {
    return count(StepOutcome.Status.FAILED) == 0
        && count(StepOutcome.Status.SKIPPED) == 0
        && notStarted == 0
        && !stopped();
  }

  public String summary() {
    return String.format(
        "Apply %s: %d done, %d failed, %d skipped, in %.1f s.",
        succeeded() ? "complete" : "incomplete",
        count(StepOutcome.Status.DONE),
        count(StepOutcome.Status.FAILED),
        count(StepOutcome.Status.SKIPPED),
        millis / 1000.0);
  }

  /**
   * The one line printed when the apply was stopped: {@code interrupted: N done, M not started}.
   */
  public String interruptedSummary() {
    long failed = count(StepOutcome.Status.FAILED);
    long skipped = count(StepOutcome.Status.SKIPPED);
    return "interrupted: "
        + count(StepOutcome.Status.DONE)
        + " done, "
        + (failed > 0 ? failed + " failed, " : "")
        + (notStarted + skipped)
        + " not started";
  }
}
