package dev.cspctl.visitor;

import static dev.cspctl.visitor.Specs.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.spec.DesiredState;
import org.junit.jupiter.api.Test;

/**
 * Starter visitors are built from each variant's audiences; where the specs give something else, a
 * comment says so.
 */
class StarterTestsTest {
  static final String AUDIENCES =
      """
      kind: Audience
      name: Big spenders
      match: all
      rules:
        - attribute: orders
          condition: greaterThan
          value: 10
        - preset: QUERY_PARAMETERS
          condition: contains
          value: utm_source=mail
        - preset: DATE_AND_TIME
          condition: after
          value: '2026-01-01T00:00:00Z'
        - attribute: loyalty_tier
          condition: equals
          value: gold
          negate: true
      ---
      kind: Audience
      name: Members
      rules:
        - condition: memberOf
          value: 0123456789abcdef0123456789abcdef
      ---
      kind: Audience
      name: Anyone big
      rules:
        - attribute: orders
          condition: greaterThan
          value: 0
      """;

  @Test
  void visitorsMeetTheirVariantsRulesAndShadowedOnesAreCommented() {
    String experience =
        """
        kind: Experience
        name: Offers
        type: segmented
        status: active
        variants:
          - name: Spender
            audiences: [Big spenders]
          - name: Member
            audiences: [Members]
          - name: Late
            audiences: [Big spenders]
          - name: Any orders
            audiences: [Anyone big]
        """;
    DesiredState specs =
        Specs.load(
            AUDIENCES,
            experience,
            """
                                                           kind: Experience
                                                           name: Off
                                                           type: segmented
                                                           variants:
                                                             - name: V
                                                               audiences: [Members]
                                                           """);
    String text = StarterTests.render(specs, "visitor-test.schema.json", NOW);
    assertThat(text)
        .contains(
            "name: \"Offers: Spender\"\nvisitor: {\"attributes\":{\"orders\":11},"
                + "\"url\":\"https://www.example.com/?utm_source=mail\",\"time\":\"2026-01-02T00:00:00Z\"}\nexpect:\n  \"Offers\": \"Spender\"");
    assertThat(text)
        .contains(
            "visitor: {\"lyticsAudiences\":[\"0123456789abcdef0123456789abcdef\"]}\nexpect:\n  \"Offers\": \"Member\"");
    assertThat(text)
        .contains(
            "# built to see 'Late', but the specs give 'Spender': edit the visitor or the specs\n"
                + "expect:\n  \"Offers\": \"Spender\"");
    assertThat(text)
        .contains(
            "visitor: {\"attributes\":{\"orders\":1}}\nexpect:\n  \"Offers\": \"Any orders\"");
    assertThat(text)
        .contains(
            "name: \"Off: gives nothing while draft\"\nvisitor: {}\nexpect:\n  \"Off\": \"none\"");
  }
}
