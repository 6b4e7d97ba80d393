package dev.cspctl.visitor.report;

import dev.cspctl.visitor.TestResult;
import java.util.List;

/** How many visitor tests passed, failed, and could not be evaluated. */
public record Summary(int passed, int failed, int notEvaluable) {
  public static Summary of(List<TestResult> results) {
    int p = 0;
    int f = 0;
    int n = 0;
    for (TestResult r : results) {
      switch (r.status()) {
        case PASS -> p++;
        case FAIL -> f++;
        case NOT_EVALUABLE -> n++;
      }
    }
    return new Summary(p, f, n);
  }

  public int total() {
    return passed + failed + notEvaluable;
  }

  public String line() {
    return "Visitor tests: "
        + passed
        + " passed, "
        + failed
        + " failed, "
        + notEvaluable
        + " not evaluable.";
  }
}
