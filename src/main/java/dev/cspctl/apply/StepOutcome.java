package dev.cspctl.apply;

import dev.cspctl.plan.Step;

/** What happened to one step. */
public record StepOutcome(Step step, Status status, String message, long millis) {
  public enum Status {
    DONE,
    FAILED,
    SKIPPED
  }
}
