package dev.cspctl.visitor;

import static dev.cspctl.visitor.Specs.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.spec.DesiredState;
import org.junit.jupiter.api.Test;

/**
 * Every condition of the rule language, one by one, against visitor values: present, missing,
 * negated, of the wrong type.
 */
class ConditionsTest {

  /** The truth of one rule for a visitor: TRUE, FALSE, or UNKNOWN (not evaluable). */
  static Tri holds(String rule, String visitor) {
    DesiredState specs = Specs.load(Specs.audience("A", rule), Specs.segmented("E", "A"));
    ExperienceResult r =
        Evaluator.of(specs).evaluate(Specs.visitor(visitor), NOW).result("E").orElseThrow();
    return switch (r.given()) {
      case VARIANT -> Tri.TRUE;
      case NONE -> Tri.FALSE;
      default -> Tri.UNKNOWN;
    };
  }

  @Test
  void equalsComparesTextExactlyAndCaseSensitively() {
    String rule = "attribute: loyalty_tier\ncondition: equals\nvalue: gold";
    assertThat(holds(rule, "{attributes: {loyalty_tier: gold}}")).isEqualTo(Tri.TRUE);
    assertThat(holds(rule, "{attributes: {loyalty_tier: Gold}}")).isEqualTo(Tri.FALSE);
    assertThat(holds(rule, "{attributes: {loyalty_tier: 'gold '}}")).isEqualTo(Tri.FALSE);
    assertThat(holds(rule, "{attributes: {orders: 1}}")).as("missing").isEqualTo(Tri.FALSE);
  }

  @Test
  void equalsWithANumberComparesNumericallyAndTakesNumericText() {
    String rule = "attribute: orders\ncondition: equals\nvalue: 7";
    assertThat(holds(rule, "{attributes: {orders: 7}}")).isEqualTo(Tri.TRUE);
    assertThat(holds(rule, "{attributes: {orders: 7.0}}")).isEqualTo(Tri.TRUE);
    assertThat(holds(rule, "{attributes: {orders: '7'}}")).isEqualTo(Tri.TRUE);
    assertThat(holds(rule, "{attributes: {orders: seven}}")).isEqualTo(Tri.FALSE);
    assertThat(holds(rule, "{attributes: {orders: 8}}")).isEqualTo(Tri.FALSE);
    assertThat(
            holds("attribute: orders\ncondition: equals\nvalue: '7'", "{attributes: {orders: 7}}"))
        .as("a text rule compares the visitor value's text")
        .isEqualTo(Tri.TRUE);
  }

  @Test
  void containsIsACaseSensitiveSubstringTest() {
    String rule = "preset: REFERRER\ncondition: contains\nvalue: google";
    assertThat(holds(rule, "{referrer: 'https://www.google.com/'}")).isEqualTo(Tri.TRUE);
    assertThat(holds(rule, "{referrer: 'https://www.Google.com/'}")).isEqualTo(Tri.FALSE);
    assertThat(holds(rule, "{}")).isEqualTo(Tri.FALSE);
  }

  @Test
  void existsHoldsWhenTheValueIsPresent() {
    String rule = "attribute: vip\ncondition: exists";
    assertThat(holds(rule, "{attributes: {vip: false}}")).isEqualTo(Tri.TRUE);
    assertThat(holds(rule, "{}")).isEqualTo(Tri.FALSE);
    assertThat(holds(rule + "\nnegate: true", "{}")).isEqualTo(Tri.TRUE);
  }

  @Test
  void isTrueAndIsFalseNeedABoolean() {
    assertThat(holds("attribute: vip\ncondition: isTrue", "{attributes: {vip: true}}"))
        .isEqualTo(Tri.TRUE);
    assertThat(holds("attribute: vip\ncondition: isTrue", "{attributes: {vip: false}}"))
        .isEqualTo(Tri.FALSE);
    assertThat(holds("attribute: vip\ncondition: isTrue", "{attributes: {vip: 'true'}}"))
        .as("text is not a boolean")
        .isEqualTo(Tri.FALSE);
    assertThat(holds("attribute: vip\ncondition: isFalse", "{attributes: {vip: false}}"))
        .isEqualTo(Tri.TRUE);
    assertThat(holds("attribute: vip\ncondition: isFalse", "{}"))
        .as("missing is false, also for isFalse")
        .isEqualTo(Tri.FALSE);
  }

  @Test
  void lessAndGreaterThanCompareNumbersIncludingNumericText() {
    String gt = "attribute: orders\ncondition: greaterThan\nvalue: 6";
    assertThat(holds(gt, "{attributes: {orders: 7}}")).isEqualTo(Tri.TRUE);
    assertThat(holds(gt, "{attributes: {orders: 6}}")).as("strict").isEqualTo(Tri.FALSE);
    assertThat(holds(gt, "{attributes: {orders: '8'}}")).as("numeric text").isEqualTo(Tri.TRUE);
    assertThat(holds(gt, "{attributes: {orders: '6.5'}}")).isEqualTo(Tri.TRUE);
    assertThat(holds(gt, "{attributes: {orders: 'many'}}")).isEqualTo(Tri.FALSE);
    assertThat(holds(gt, "{}")).isEqualTo(Tri.FALSE);
    String lt = "attribute: orders\ncondition: lessThan\nvalue: 2.5";
    assertThat(holds(lt, "{attributes: {orders: 2}}")).isEqualTo(Tri.TRUE);
    assertThat(holds(lt, "{attributes: {orders: '-1'}}")).isEqualTo(Tri.TRUE);
    assertThat(holds(lt, "{attributes: {orders: 3}}")).isEqualTo(Tri.FALSE);
  }

  @Test
  void timeRangesCompareTheVisitorsTimeOrNow() {
    String before = "preset: DATE_AND_TIME\ncondition: before\nvalue: '2026-12-24T00:00:00Z'";
    assertThat(holds(before, "{time: '2026-12-23T23:59:59Z'}")).isEqualTo(Tri.TRUE);
    assertThat(holds(before, "{time: '2026-12-24T00:00:00Z'}")).as("strict").isEqualTo(Tri.FALSE);
    assertThat(holds(before, "{}")).as("no time: now, " + NOW).isEqualTo(Tri.TRUE);
    String after = "preset: DATE_AND_TIME\ncondition: after\nvalue: '2026-12-24'";
    assertThat(holds(after, "{time: '2026-12-24T00:00:01+00:00'}"))
        .as("a date is its start, UTC")
        .isEqualTo(Tri.TRUE);
    assertThat(holds(after, "{time: '2026-12-24T01:00:00+02:00'}"))
        .as("offsets count")
        .isEqualTo(Tri.FALSE);
    String between =
        "preset: DATE_AND_TIME\ncondition: between\nvalue: ['2026-12-01T00:00:00Z', '2026-12-31T23:59:59Z']";
    assertThat(holds(between, "{time: '2026-12-01T00:00:00Z'}"))
        .as("inclusive start")
        .isEqualTo(Tri.TRUE);
    assertThat(holds(between, "{time: '2026-12-31T23:59:59Z'}"))
        .as("inclusive end")
        .isEqualTo(Tri.TRUE);
    assertThat(holds(between, "{time: '2027-01-01T00:00:00Z'}")).isEqualTo(Tri.FALSE);
    assertThat(holds(between, "{}")).as("now is June").isEqualTo(Tri.FALSE);
  }

  @Test
  void timeConditionsOnAnAttributeReadItsValueAndAnUnreadableRuleIsNotEvaluable() {
    String rule = "attribute: signup\ncondition: after\nvalue: '2026-01-01T00:00:00Z'";
    assertThat(holds(rule, "{attributes: {signup: '2026-03-01T10:00:00Z'}}")).isEqualTo(Tri.TRUE);
    assertThat(holds(rule, "{attributes: {signup: 'last year'}}")).isEqualTo(Tri.FALSE);
    assertThat(holds(rule, "{}")).isEqualTo(Tri.FALSE);
    assertThat(holds("preset: DATE_AND_TIME\ncondition: before\nvalue: next tuesday", "{}"))
        .isEqualTo(Tri.UNKNOWN);
  }

  @Test
  void memberOfIsALyticsMembership() {
    String rule = "condition: memberOf\nvalue: 0123456789abcdef0123456789abcdef";
    assertThat(holds(rule, "{lyticsAudiences: [0123456789abcdef0123456789abcdef]}"))
        .isEqualTo(Tri.TRUE);
    assertThat(holds(rule, "{lyticsAudiences: [fedcba9876543210fedcba9876543210]}"))
        .isEqualTo(Tri.FALSE);
    assertThat(holds(rule, "{}")).isEqualTo(Tri.FALSE);
    assertThat(holds(rule + "\nnegate: true", "{}")).isEqualTo(Tri.TRUE);
  }

  @Test
  void jsonMatchAndFlowStatesAreNotEvaluable() {
    assertThat(
            holds(
                "attribute: profile\ncondition: jsonMatch\nvalue: '$.a'",
                "{attributes: {profile: x}}"))
        .isEqualTo(Tri.UNKNOWN);
    assertThat(holds("condition: inFlowState\nvalue: {flowId: f1, flowState: s1}", "{}"))
        .isEqualTo(Tri.UNKNOWN);
    assertThat(holds("attribute: profile\ncondition: jsonMatch\nvalue: '$.a'\nnegate: true", "{}"))
        .as("negated: still unknown")
        .isEqualTo(Tri.UNKNOWN);
  }

  @Test
  void presetsReadTheirVisitorFields() {
    assertThat(holds("preset: COUNTRY\ncondition: equals\nvalue: NO", "{country: 'NO'}"))
        .isEqualTo(Tri.TRUE);
    assertThat(
            holds("preset: REGION\ncondition: equals\nvalue: California", "{region: California}"))
        .isEqualTo(Tri.TRUE);
    assertThat(
            holds("preset: CITY\ncondition: contains\nvalue: Francisco", "{city: San Francisco}"))
        .isEqualTo(Tri.TRUE);
    assertThat(holds("preset: DEVICE_TYPE\ncondition: equals\nvalue: TABLET", "{device: TABLET}"))
        .isEqualTo(Tri.TRUE);
    assertThat(holds("preset: OPERATING_SYSTEM\ncondition: equals\nvalue: iOS", "{os: Android}"))
        .isEqualTo(Tri.FALSE);
    assertThat(holds("preset: REFERRER\ncondition: exists", "{referrer: 'https://a.example/'}"))
        .isEqualTo(Tri.TRUE);
  }

  @Test
  void queryParametersApplyToTheQueryStringOfTheUrl() {
    String rule = "preset: QUERY_PARAMETERS\ncondition: contains\nvalue: utm_campaign=spring";
    assertThat(holds(rule, "{url: 'https://shop.example.com/p?utm_campaign=spring&x=1#top'}"))
        .isEqualTo(Tri.TRUE);
    assertThat(holds(rule, "{url: 'https://shop.example.com/utm_campaign=spring'}"))
        .as("the path is not the query")
        .isEqualTo(Tri.FALSE);
    String equals = "preset: QUERY_PARAMETERS\ncondition: equals\nvalue: a=1";
    assertThat(holds(equals, "{url: 'https://shop.example.com/?a=1'}"))
        .as("without '?'")
        .isEqualTo(Tri.TRUE);
    assertThat(
            holds(
                "preset: QUERY_PARAMETERS\ncondition: exists",
                "{url: 'https://shop.example.com/'}"))
        .as("no query: missing")
        .isEqualTo(Tri.FALSE);
  }

  @Test
  void negateInvertsAlsoAMissingValue() {
    String rule = "attribute: loyalty_tier\ncondition: equals\nvalue: gold\nnegate: true";
    assertThat(holds(rule, "{attributes: {loyalty_tier: gold}}")).isEqualTo(Tri.FALSE);
    assertThat(holds(rule, "{attributes: {loyalty_tier: silver}}")).isEqualTo(Tri.TRUE);
    assertThat(holds(rule, "{}")).isEqualTo(Tri.TRUE);
  }
}
