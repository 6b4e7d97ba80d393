package dev.cspctl.cli;

import dev.cspctl.apply.ProgressListener;
import dev.cspctl.apply.StepOutcome;
import dev.cspctl.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress of steps that started before the plan was printed (a staged apply): held until {@link
 * #release} names where it goes, then passed on in the order it happened, and after that at once.
 */
final class HeldProgress implements ProgressListener {
  private final List<Runnable> held = new ArrayList<>();
  private ProgressListener target;

  @Override
  public synchronized void started(Step step, int index, int total) {
    if (target != null) target.started(step, index, total);
    else held.add(() -> target.started(step, index, total));
  }

  @Override
  public synchronized void finished(StepOutcome outcome, int done, int total) {
    if (target != null) target.finished(outcome, done, total);
    else held.add(() -> target.finished(outcome, done, total));
  }

  /** From now on progress goes to {@code to}; what was held goes there first. */
  synchronized void release(ProgressListener to) {
    target = to;
    held.forEach(Runnable::run);
    held.clear();
  }
}
