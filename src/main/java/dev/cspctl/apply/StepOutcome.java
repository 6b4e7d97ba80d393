package dev.cspctl.apply;

import dev.cspctl.plan.Step;

/** What happened to one step; {@code result} is what a done step handed on (null otherwise). */
public record StepOutcome(
    Step step, Status status, String message, long millis, StepResult result) {
  public enum Status {
    DONE,
    FAILED,
    SKIPPED
  }

  public StepOutcome(Step step, Status status, String message, long millis) {
    this(step, status, message, millis, null);
  }
}
