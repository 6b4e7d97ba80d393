package dev.cspctl.visitor;

import static dev.cspctl.visitor.Specs.NOW;
import static dev.cspctl.visitor.Specs.audience;
import static dev.cspctl.visitor.Specs.segmented;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.spec.DesiredState;
import org.junit.jupiter.api.Test;

/**
 * Visitor tests pass, fail with a reason a reviewer can act on, or are not evaluable, naming what.
 */
class TestRunnerTest {
  static final String GOLD =
      audience("Gold members", "attribute: loyalty_tier\ncondition: equals\nvalue: gold");
  static final String MOBILE =
      audience("Mobile buyers", "preset: DEVICE_TYPE\ncondition: equals\nvalue: MOBILE");
  static final String HERO =
      """
      kind: Experience
      name: Home hero
      type: segmented
      status: active
      variants:
        - name: Gold
          audiences: [Gold members]
        - name: Mobile buyers
          audiences: [Mobile buyers]
      """;

  static TestResult run(String test, String... more) {
    String[] docs = new String[more.length + 1];
    System.arraycopy(more, 0, docs, 0, more.length);
    docs[more.length] = test;
    DesiredState specs = Specs.load(docs);
    return new TestRunner(Evaluator.of(specs), NOW).run(specs.visitorTests().get(0));
  }

  static String test(String visitor, String expect) {
    return "kind: VisitorTest\nname: t\nvisitor: " + visitor + "\nexpect:\n" + expect;
  }

  @Test
  void aPassingTestHasNoProblems() {
    TestResult r =
        run(test("{attributes: {loyalty_tier: gold}}", "  Home hero: Gold\n"), GOLD, MOBILE, HERO);
    assertThat(r.status()).isEqualTo(TestResult.Status.PASS);
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aFailureSaysWhatWasExpectedWhatCameAndWhichRuleFailedWithWhichValue() {
    TestResult r =
        run(
            test("{attributes: {loyalty_tier: silver}, device: MOBILE}", "  Home hero: Gold\n"),
            GOLD,
            MOBILE,
            HERO);
    assertThat(r.status()).isEqualTo(TestResult.Status.FAIL);
    assertThat(r.problems())
        .containsExactly(
            "Home hero: expected Gold, got Mobile buyers, because 'Gold members' failed:"
                + " loyalty_tier is \"silver\", rule wants equals \"gold\"");
  }

  @Test
  void aShadowedVariantIsExplainedByTheEarlierOneThatWon() {
    TestResult r =
        run(
            test(
                "{attributes: {loyalty_tier: gold}, device: MOBILE}",
                "  Home hero: Mobile buyers\n"),
            GOLD,
            MOBILE,
            HERO);
    assertThat(r.problems())
        .singleElement()
        .asString()
        .startsWith(
            "Home hero: expected Mobile buyers, got Gold, because 'Gold' comes first and matched: 'Gold members' held:")
        .endsWith("'Mobile buyers' matches too, but the first matching variant wins");
  }

  @Test
  void noneAndAnyAreCheckedAndExplained() {
    TestResult none = run(test("{device: MOBILE}", "  Home hero: none\n"), GOLD, MOBILE, HERO);
    assertThat(none.problems())
        .containsExactly(
            "Home hero: expected none, got Mobile buyers, because 'Mobile buyers' matched:"
                + " 'Mobile buyers' held: device is \"MOBILE\", rule wants equals \"MOBILE\"");
    TestResult any = run(test("{device: DESKTOP}", "  Home hero: any\n"), GOLD, MOBILE, HERO);
    assertThat(any.problems())
        .singleElement()
        .asString()
        .startsWith(
            "Home hero: expected any, got none, because no variant matched:"
                + " 'Gold': 'Gold members' failed: loyalty_tier is missing");
    TestResult draft =
        run(
            test("{device: MOBILE}", "  Home hero: any\n"),
            GOLD,
            MOBILE,
            HERO.replace("active", "paused"));
    assertThat(draft.problems())
        .containsExactly(
            "Home hero: expected any, got none, because status is paused: only active experiences give a variant");
  }

  @Test
  void theAppliedListIsComparedInPriorityOrder() {
    String test = test("{device: MOBILE}", "  One: Mobile buyers\n") + "applied: [Two, One]\n";
    TestResult r =
        run(test, MOBILE, segmented("One", "Mobile buyers"), segmented("Two", "Mobile buyers"));
    assertThat(r.status()).isEqualTo(TestResult.Status.FAIL);
    assertThat(r.problems())
        .containsExactly(
            "applied: expected [Two, One], got [One, Two], because in priority order"
                + " One (Mobile buyers), Two (Mobile buyers) (a request applies at most 3)");
  }

  @Test
  void aTestThatDependsOnWhatCannotBeEvaluatedSaysWhat() {
    String json = audience("Json", "attribute: profile\ncondition: jsonMatch\nvalue: '$.a'");
    TestResult r = run(test("{}", "  E: none\n"), json, segmented("E", "Json"));
    assertThat(r.status()).isEqualTo(TestResult.Status.NOT_EVALUABLE);
    assertThat(r.problems())
        .containsExactly(
            "E: not evaluable: 'Json' cannot be evaluated: jsonMatch \"$.a\" (profile):"
                + " jsonMatch cannot be evaluated offline");
    TestResult live = run(test("{}", "  E: none\n"), segmented("E", "Somewhere live"));
    assertThat(live.problems())
        .singleElement()
        .asString()
        .contains("audience 'Somewhere live' is not declared in the specs");
  }
}
