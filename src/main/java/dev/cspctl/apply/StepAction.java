package dev.cspctl.apply;

import dev.cspctl.plan.Step;

/** Runs one step, given the results of the steps it depends on; throws when it fails. */
@FunctionalInterface
public interface StepAction {
  StepResult run(Step step, Ancestors ancestors);
}
