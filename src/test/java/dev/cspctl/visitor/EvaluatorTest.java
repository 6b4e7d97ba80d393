package dev.cspctl.visitor;

import static dev.cspctl.visitor.Specs.NOW;
import static dev.cspctl.visitor.Specs.audience;
import static dev.cspctl.visitor.Specs.segmented;
import static dev.cspctl.visitor.Specs.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Audiences, variants, experiences, priority and the variant limit, rule by rule. */
class EvaluatorTest {
  static final String GOLD =
      audience("Gold", "attribute: loyalty_tier\ncondition: equals\nvalue: gold");
  static final String MOBILE =
      audience("Mobile", "preset: DEVICE_TYPE\ncondition: equals\nvalue: MOBILE");
  static final String US = audience("US", "preset: COUNTRY\ncondition: equals\nvalue: US");

  static ExperienceResult result(DesiredState specs, String visitorYaml, String experience) {
    return Evaluator.of(specs).evaluate(visitor(visitorYaml), NOW).result(experience).orElseThrow();
  }

  @Test
  void theFirstMatchingVariantInTheOrderWrittenWins() {
    DesiredState specs = Specs.load(GOLD, MOBILE, segmented("Hero", "Gold", "Mobile"));
    assertThat(
            result(specs, "{attributes: {loyalty_tier: gold}, device: MOBILE}", "Hero").variant())
        .isEqualTo("Gold");
    assertThat(result(specs, "{device: MOBILE}", "Hero").variant()).isEqualTo("Mobile");
    assertThat(result(specs, "{device: DESKTOP}", "Hero").given()).isEqualTo(Given.NONE);
    DesiredState reversed = Specs.load(GOLD, MOBILE, segmented("Hero", "Mobile", "Gold"));
    assertThat(
            result(reversed, "{attributes: {loyalty_tier: gold}, device: MOBILE}", "Hero")
                .variant())
        .isEqualTo("Mobile");
  }

  @Test
  void anAudienceCombinesItsRulesByMatchAndNestedGroupsLikewise() {
    String nested =
        """
        kind: Audience
        name: Nested
        match: all
        rules:
          - preset: COUNTRY
            condition: equals
            value: US
          - any:
              - preset: DEVICE_TYPE
                condition: equals
                value: MOBILE
              - all:
                  - attribute: orders
                    condition: greaterThan
                    value: 6
                  - attribute: vip
                    condition: isTrue
        """;
    DesiredState specs = Specs.load(nested, segmented("E", "Nested"));
    assertThat(result(specs, "{country: US, device: MOBILE}", "E").given())
        .isEqualTo(Given.VARIANT);
    assertThat(result(specs, "{country: US, attributes: {orders: 7, vip: true}}", "E").given())
        .isEqualTo(Given.VARIANT);
    assertThat(result(specs, "{country: US, attributes: {orders: 7}}", "E").given())
        .isEqualTo(Given.NONE);
    assertThat(result(specs, "{country: DE, device: MOBILE}", "E").given()).isEqualTo(Given.NONE);
    String any =
        """
                 kind: Audience
                 name: Either
                 match: any
                 rules:
                   - preset: COUNTRY
                     condition: equals
                     value: US
                   - preset: DEVICE_TYPE
                     condition: equals
                     value: MOBILE
                 """;
    DesiredState either = Specs.load(any, segmented("E", "Either"));
    assertThat(result(either, "{device: MOBILE}", "E").given()).isEqualTo(Given.VARIANT);
    assertThat(result(either, "{}", "E").given()).isEqualTo(Given.NONE);
  }

  @Test
  void emptyGroupsFollowTheAssumption() {
    assertThat(Assumptions.combine(Match.ALL, List.of())).isEqualTo(Tri.TRUE);
    assertThat(Assumptions.combine(Match.ANY, List.of())).isEqualTo(Tri.FALSE);
    assertThat(new RuleNode.Group(Match.ALL, List.of()).eval(null)).isEqualTo(Tri.TRUE);
    assertThat(new RuleNode.Group(Match.ANY, List.of()).eval(null)).isEqualTo(Tri.FALSE);
  }

  @Test
  void aVariantCombinesItsAudiencesAndLyticsAudiencesByItsMatch() {
    String variants =
        """
        kind: Experience
        name: E
        type: segmented
        status: active
        variants:
          - name: Both
            audiences: [Gold, Mobile]
            lyticsAudiences: [0123456789abcdef0123456789abcdef]
            match: all
          - name: Either
            audiences: [Gold]
            lyticsAudiences: [0123456789abcdef0123456789abcdef]
        """;
    DesiredState specs = Specs.load(GOLD, MOBILE, variants);
    String lytics = "lyticsAudiences: [0123456789abcdef0123456789abcdef]";
    assertThat(
            result(specs, "{attributes: {loyalty_tier: gold}, device: MOBILE, " + lytics + "}", "E")
                .variant())
        .isEqualTo("Both");
    assertThat(result(specs, "{attributes: {loyalty_tier: gold}, device: MOBILE}", "E").variant())
        .isEqualTo("Either");
    assertThat(result(specs, "{" + lytics + "}", "E").variant()).isEqualTo("Either");
    assertThat(result(specs, "{device: MOBILE}", "E").given()).isEqualTo(Given.NONE);
  }

  @Test
  void onlyActiveExperiencesGiveAVariant() {
    for (String status : List.of("draft", "paused")) {
      DesiredState specs =
          Specs.load(
              MOBILE, segmented("E", "Mobile").replace("status: active", "status: " + status));
      ExperienceResult r = result(specs, "{device: MOBILE}", "E");
      assertThat(r.given()).as(status).isEqualTo(Given.NONE);
    }
    DesiredState noStatus =
        Specs.load(MOBILE, segmented("E", "Mobile").replace("status: active\n", ""));
    assertThat(result(noStatus, "{device: MOBILE}", "E").given())
        .as("default draft")
        .isEqualTo(Given.NONE);
  }

  static String abTest(String name, String targetGroup) {
    return "kind: Experience\nname: "
        + name
        + "\ntype: abTest\nstatus: active\n"
        + targetGroup
        + "variants:\n  - name: A\n    traffic: 50\n  - name: B\n    traffic: 50\n";
  }

  @Test
  void anAbTestPutsItsTargetGroupInTheTestAndEveryoneWithoutOne() {
    DesiredState everyone = Specs.load(abTest("T", ""));
    assertThat(result(everyone, "{}", "T").given()).isEqualTo(Given.IN_TEST);
    DesiredState any = Specs.load(MOBILE, US, abTest("T", "audiences: [Mobile, US]\n"));
    assertThat(result(any, "{device: MOBILE}", "T").given()).isEqualTo(Given.IN_TEST);
    assertThat(result(any, "{device: DESKTOP}", "T").given()).isEqualTo(Given.NONE);
    DesiredState all = Specs.load(MOBILE, US, abTest("T", "audiences: [Mobile, US]\nmatch: all\n"));
    assertThat(result(all, "{device: MOBILE}", "T").given()).isEqualTo(Given.NONE);
    assertThat(result(all, "{device: MOBILE, country: US}", "T").given()).isEqualTo(Given.IN_TEST);
  }

  @Test
  void whatTheSpecsDoNotDeclareIsNotEvaluableButOnlyWhenTheResultDependsOnIt() {
    DesiredState live = Specs.load(MOBILE, segmented("E", "Live only", "Mobile"));
    assertThat(live.unresolved()).extracting(u -> u.name()).containsExactly("Live only");
    assertThat(result(live, "{device: MOBILE}", "E").given())
        .as("the first variant may match")
        .isEqualTo(Given.UNKNOWN);
    DesiredState later = Specs.load(MOBILE, segmented("E", "Mobile", "Live only"));
    assertThat(result(later, "{device: MOBILE}", "E").variant())
        .as("decided before it")
        .isEqualTo("Mobile");
    assertThat(result(later, "{}", "E").given()).isEqualTo(Given.UNKNOWN);

    String undeclaredAttribute =
        """
                                 kind: Audience
                                 name: Plan
                                 match: all
                                 rules:
                                   - attribute: plan
                                     condition: exists
                                   - preset: COUNTRY
                                     condition: equals
                                     value: US
                                 """;
    DesiredState attr = Specs.load(undeclaredAttribute, segmented("E", "Plan"));
    assertThat(result(attr, "{country: US}", "E").given()).isEqualTo(Given.UNKNOWN);
    assertThat(result(attr, "{country: DE}", "E").given())
        .as("false AND unknown is false")
        .isEqualTo(Given.NONE);

    String raw =
        "kind: Audience\nname: Raw\ndefinition:\n  __type: RuleCombination\n  combinationType: AND\n  rules: []\n";
    assertThat(result(Specs.load(raw, segmented("E", "Raw")), "{}", "E").given())
        .isEqualTo(Given.UNKNOWN);
  }

  @Test
  void experiencesAreAppliedInPriorityOrderThenUnlistedInSpecOrderUpToTheVariantLimit() {
    String priority = "kind: Priority\norder: [Third, First]\n";
    DesiredState specs =
        Specs.load(
            MOBILE,
            segmented("First", "Mobile"),
            segmented("Second", "Mobile"),
            segmented("Third", "Mobile"),
            segmented("Fourth", "Mobile"),
            priority);
    Evaluation e = Evaluator.of(specs).evaluate(visitor("{device: MOBILE}"), NOW);
    assertThat(e.experiences())
        .extracting(ExperienceResult::experience)
        .containsExactly("Third", "First", "Second", "Fourth");
    assertThat(e.applied()).as("default limit 3").containsExactly("Third", "First", "Second");
    DesiredState one =
        Specs.loadWith(
            "delivery:\n  variantLimit: 1\n",
            MOBILE,
            GOLD,
            segmented("First", "Gold"),
            segmented("Second", "Mobile"));
    assertThat(Evaluator.of(one).evaluate(visitor("{device: MOBILE}"), NOW).applied())
        .as("skips those giving none")
        .containsExactly("Second");
  }

  @Test
  void theAppliedListIsNotEvaluableOnlyWhileAnUnknownExperienceCouldBeAmongIt() {
    DesiredState specs =
        Specs.loadWith(
            "delivery:\n  variantLimit: 1\n",
            MOBILE,
            segmented("First", "Mobile"),
            segmented("Second", "Live only"));
    assertThat(Evaluator.of(specs).evaluate(visitor("{device: MOBILE}"), NOW).applied())
        .containsExactly("First");
    assertThat(Evaluator.of(specs).evaluate(visitor("{}"), NOW).appliedKnown()).isFalse();
  }

  @Test
  void explainGivesTheSameResultsAsEvaluateWithATrace() {
    DesiredState specs =
        Specs.load(GOLD, MOBILE, segmented("Hero", "Gold", "Mobile"), abTest("T", ""));
    var v = visitor("{attributes: {loyalty_tier: silver}, device: MOBILE}");
    Evaluation fast = Evaluator.of(specs).evaluate(v, NOW);
    Evaluation explained = Evaluator.of(specs).explain(v, NOW);
    assertThat(explained.experiences())
        .extracting(ExperienceResult::given, ExperienceResult::variant)
        .isEqualTo(
            fast.experiences().stream()
                .map(r -> org.assertj.core.groups.Tuple.tuple(r.given(), r.variant()))
                .toList());
    Trace hero = explained.result("Hero").orElseThrow().trace();
    assertThat(hero.children())
        .extracting(Trace::label, Trace::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("variant 'Gold'", Tri.FALSE),
            org.assertj.core.groups.Tuple.tuple("variant 'Mobile'", Tri.TRUE));
    assertThat(hero.children().get(0).children().get(0).children().get(0).label())
        .isEqualTo("loyalty_tier is \"silver\", rule wants equals \"gold\"");
  }
}
