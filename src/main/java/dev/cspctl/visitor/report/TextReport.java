package dev.cspctl.visitor.report;

import dev.cspctl.visitor.Evaluation;
import dev.cspctl.visitor.ExperienceResult;
import dev.cspctl.visitor.TestResult;
import java.util.List;

/**
 * {@code cspctl test}'s text report: PASS/FAIL per test and, for a test that did not pass, each
 * problem with its reason and the trace of the experiences involved.
 */
public final class TextReport {
  private TextReport() {}

  public static String render(List<TestResult> results) {
    StringBuilder out = new StringBuilder();
    for (TestResult r : results) {
      out.append(label(r.status()))
          .append("  ")
          .append(r.test().name())
          .append("  (")
          .append(r.test().origin())
          .append(")\n");
      if (r.passed()) continue;
      for (String p : r.problems()) out.append("      ").append(p).append('\n');
      for (ExperienceResult e : involved(r)) out.append(TraceText.render(e.trace(), "        "));
    }
    out.append(Summary.of(results).line()).append('\n');
    return out.toString();
  }

  /** What one visitor sees, for {@code cspctl test --visitor}. */
  public static String render(Evaluation e, int variantLimit) {
    StringBuilder out = new StringBuilder();
    for (ExperienceResult r : e.experiences()) {
      out.append(r.experience()).append(": ").append(r.describe()).append('\n');
      out.append(TraceText.render(r.trace(), "    "));
    }
    out.append("applied (at most ")
        .append(variantLimit)
        .append("): ")
        .append(e.appliedKnown() ? e.applied().toString() : "not evaluable")
        .append('\n');
    return out.toString();
  }

  static String label(TestResult.Status s) {
    return switch (s) {
      case PASS -> "PASS";
      case FAIL -> "FAIL";
      case NOT_EVALUABLE -> "N/E ";
    };
  }

  /**
   * The experiences a failed test's problems name (all of them when 'applied' is among the
   * problems).
   */
  static List<ExperienceResult> involved(TestResult r) {
    boolean applied = r.problems().stream().anyMatch(p -> p.startsWith("applied: "));
    return r.evaluation().experiences().stream()
        .filter(e -> e.trace() != null)
        .filter(
            e ->
                (applied && r.test().applied() != null)
                    || r.problems().stream().anyMatch(p -> p.startsWith(e.experience() + ": ")))
        .toList();
  }
}
