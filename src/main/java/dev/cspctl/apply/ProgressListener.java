package dev.cspctl.apply;

import dev.cspctl.plan.Step;

/** Told when steps start and finish, for progress output. */
public interface ProgressListener {
  default void started(Step step, int index, int total) {}

  default void finished(StepOutcome outcome, int done, int total) {}

  ProgressListener NONE = new ProgressListener() {};
}
