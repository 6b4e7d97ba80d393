package dev.cspctl.visitor;

import dev.cspctl.spec.VisitorTest;
import java.util.List;

/**
 * The outcome of one visitor test.
 *
 * @param problems one line per expectation that failed or could not be evaluated, with why
 * @param evaluation what the visitor sees, with traces when the test did not pass (null traces when
 *     it did)
 */
public record TestResult(
    VisitorTest test, Status status, List<String> problems, Evaluation evaluation) {
  public TestResult {
    problems = List.copyOf(problems);
  }

  /** PASS, FAIL, or NOT_EVALUABLE (depends on something cspctl cannot evaluate offline). */
  public enum Status {
    PASS,
    FAIL,
    NOT_EVALUABLE
  }

  public boolean passed() {
    return status == Status.PASS;
  }
}
