package dev.cspctl.visitor;

import dev.cspctl.spec.VisitorTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs visitor tests against an {@link Evaluator}: each expectation is checked, and a test that
 * does not pass is evaluated again with traces to say why ({@code expected Gold, got Mobile,
 * because 'Gold members' failed: ...}).
 */
public final class TestRunner {
  private final Evaluator evaluator;
  private final Instant now;

  /**
   * @param now the time of visitors that give none (spec-format.md: default now)
   */
  public TestRunner(Evaluator evaluator, Instant now) {
    this.evaluator = evaluator;
    this.now = now;
  }

  public List<TestResult> run(List<VisitorTest> tests) {
    List<TestResult> out = new ArrayList<>();
    for (VisitorTest t : tests) out.add(run(t));
    return out;
  }

  public TestResult run(VisitorTest test) {
    Evaluation fast = evaluator.evaluate(test.visitor(), now);
    if (passes(test, fast)) return new TestResult(test, TestResult.Status.PASS, List.of(), fast);
    Evaluation explained = evaluator.explain(test.visitor(), now);
    List<String> failures = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, VisitorTest.Expected> e : test.expect().entrySet()) {
      ExperienceResult r = explained.result(e.getKey()).orElseThrow();
      if (r.given() == Given.UNKNOWN) {
        unknown.add(e.getKey() + ": not evaluable: " + Explainer.unknown(r.trace()));
      } else if (!matches(e.getValue(), r)) {
        failures.add(
            e.getKey()
                + ": expected "
                + e.getValue()
                + ", got "
                + r.describe()
                + ", because "
                + because(e.getValue(), r));
      }
    }
    if (test.applied() != null) {
      if (!explained.appliedKnown()) {
        unknown.add("applied: not evaluable: " + appliedUnknown(explained));
      } else if (!explained.applied().equals(test.applied())) {
        failures.add(
            "applied: expected "
                + test.applied()
                + ", got "
                + explained.applied()
                + ", because in priority order "
                + priorityLine(explained)
                + " (a request applies at most "
                + evaluator.variantLimit()
                + ")");
      }
    }
    List<String> problems = new ArrayList<>(failures);
    problems.addAll(unknown);
    TestResult.Status status =
        !failures.isEmpty() ? TestResult.Status.FAIL : TestResult.Status.NOT_EVALUABLE;
    return new TestResult(test, status, problems, explained);
  }

  static boolean passes(VisitorTest test, Evaluation e) {
    for (Map.Entry<String, VisitorTest.Expected> x : test.expect().entrySet()) {
      ExperienceResult r = e.result(x.getKey()).orElse(null);
      if (r == null || r.given() == Given.UNKNOWN || !matches(x.getValue(), r)) return false;
    }
    return test.applied() == null || (e.appliedKnown() && e.applied().equals(test.applied()));
  }

  static boolean matches(VisitorTest.Expected expected, ExperienceResult r) {
    if (expected instanceof VisitorTest.Expected.Nothing) return r.given() == Given.NONE;
    if (expected instanceof VisitorTest.Expected.AnyVariant) return r.given().givesVariant();
    String name = ((VisitorTest.Expected.Named) expected).variant();
    return r.given() == Given.VARIANT && r.variant().equals(name);
  }

  /** Why the result differs from what was expected, from the result's trace. */
  static String because(VisitorTest.Expected expected, ExperienceResult r) {
    Trace t = r.trace();
    boolean inactive =
        t.children().size() == 1 && t.children().get(0).label().startsWith("status is ");
    if (inactive) return t.children().get(0).label();
    boolean abTest = t.label().startsWith("A/B test");
    if (abTest) {
      Trace group = t.children().get(0);
      return r.given() == Given.IN_TEST
          ? (group.children().isEmpty()
              ? group.label()
              : "the target group matched: " + Explainer.held(group))
          : "the target group did not match: " + Explainer.failed(group);
    }
    if (expected instanceof VisitorTest.Expected.Named named) {
      Trace want = Explainer.variant(t, named.variant());
      if (r.given() == Given.VARIANT
          && Explainer.indexOf(t, r.variant()) < Explainer.indexOf(t, named.variant())) {
        Trace got = Explainer.variant(t, r.variant());
        String also =
            want.result() == Tri.TRUE
                ? "; '" + named.variant() + "' matches too, but the first matching variant wins"
                : "; and '" + named.variant() + "' does not match: " + Explainer.failed(want);
        return "'" + r.variant() + "' comes first and matched: " + Explainer.held(got) + also;
      }
      return Explainer.failed(want);
    }
    if (r.given() == Given.VARIANT)
      return "'" + r.variant() + "' matched: " + Explainer.held(Explainer.variant(t, r.variant()));
    return "no variant matched: "
        + t.children().stream()
            .map(
                v ->
                    "'"
                        + v.label().substring(9, v.label().length() - 1)
                        + "': "
                        + Explainer.failed(v))
            .collect(Collectors.joining("; "));
  }

  private static String appliedUnknown(Evaluation e) {
    return e.experiences().stream()
        .filter(r -> r.given() == Given.UNKNOWN)
        .findFirst()
        .map(r -> r.experience() + ": " + Explainer.unknown(r.trace()))
        .orElse("");
  }

  private static String priorityLine(Evaluation e) {
    return e.experiences().stream()
        .map(r -> r.experience() + " (" + r.describe() + ")")
        .collect(Collectors.joining(", "));
  }
}
