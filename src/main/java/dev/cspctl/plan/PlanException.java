package dev.cspctl.plan;

/** The plan cannot be made (e.g. a dependency cycle, a reference to nothing). */
public final class PlanException extends RuntimeException {
  public PlanException(String message) {
    super(message);
  }
}
