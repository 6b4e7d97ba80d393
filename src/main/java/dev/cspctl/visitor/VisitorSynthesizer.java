package dev.cspctl.visitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.spec.Audience;
import dev.cspctl.spec.AudienceRules;
import dev.cspctl.spec.Condition;
import dev.cspctl.spec.Match;
import dev.cspctl.spec.Rule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a visitor (as the JSON of a visitor test's {@code visitor:}) meant to match given
 * audiences: every rule of an {@code all}, the first rule of an {@code any}; a negated rule is left
 * out (a missing value fails the condition, so its negation holds). A best effort: the evaluator
 * has the last word on what the visitor then sees.
 */
final class VisitorSynthesizer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> DEVICES = Set.of("MOBILE", "TABLET", "DESKTOP");

  private final Map<String, Audience> audiences;
  private final ObjectNode visitor = JSON.objectNode();

  VisitorSynthesizer(Map<String, Audience> audiences) {
    this.audiences = audiences;
  }

  ObjectNode visitor() {
    return visitor;
  }

  /** Adds what the named audiences (combined by {@code match}) and Lytics audiences need. */
  VisitorSynthesizer satisfy(List<String> audienceNames, List<String> lytics, Match match) {
    if (match == Match.ANY) {
      if (!audienceNames.isEmpty()) audience(audienceNames.get(0));
      else if (!lytics.isEmpty()) lytics(lytics.get(0));
      return this;
    }
    audienceNames.forEach(this::audience);
    lytics.forEach(this::lytics);
    return this;
  }

  private void audience(String name) {
    Audience a = audiences.get(name);
    if (a != null && a.rules() instanceof AudienceRules.Language lang)
      group(lang.match(), lang.rules());
  }

  private void group(Match match, List<Rule> rules) {
    for (Rule r : rules) {
      if (match == Match.ANY && !(r instanceof Rule.Group) && negated(r)) continue;
      rule(r);
      if (match == Match.ANY) return;
    }
  }

  private static boolean negated(Rule r) {
    return (r instanceof Rule.OnAttribute a && a.negate())
        || (r instanceof Rule.OnPreset p && p.negate())
        || (r instanceof Rule.OnLytics l && l.negate());
  }

  private void rule(Rule r) {
    if (r instanceof Rule.Group g) {
      group(g.match(), g.rules());
    } else if (r instanceof Rule.OnLytics l) {
      if (!l.negate() && l.condition() == Condition.MEMBER_OF) lytics(l.value().asText());
    } else if (r instanceof Rule.OnAttribute a) {
      if (!a.negate())
        value(a.condition(), a.value())
            .ifPresent(v -> visitor.with("attributes").set(a.attributeKey(), v));
    } else if (r instanceof Rule.OnPreset p && !p.negate()) {
      value(p.condition(), p.value()).ifPresent(v -> preset(p.preset(), v));
    }
  }

  private void preset(String preset, JsonNode v) {
    switch (preset) {
      case "COUNTRY" -> visitor.put("country", v.asText());
      case "REGION" -> visitor.put("region", v.asText());
      case "CITY" -> visitor.put("city", v.asText());
      case "DEVICE_TYPE" -> {
        if (DEVICES.contains(v.asText())) visitor.put("device", v.asText());
      }
      case "OPERATING_SYSTEM" -> visitor.put("os", v.asText());
      case "QUERY_PARAMETERS" ->
          visitor.put("url", "https://www.example.com/?" + v.asText().replace(" ", "%20"));
      case "REFERRER" -> visitor.put("referrer", v.asText());
      case "DATE_AND_TIME" -> visitor.put("time", v.asText());
      default -> {}
    }
  }

  private void lytics(String id) {
    if (!visitor.has("lyticsAudiences")) visitor.putArray("lyticsAudiences");
    if (!visitor.get("lyticsAudiences").toString().contains(id))
      visitor.withArray("lyticsAudiences").add(id);
  }

  /** A value that meets the condition, if one can be made. */
  private static Optional<JsonNode> value(Condition c, JsonNode ruleValue) {
    return switch (c) {
      case EQUALS, CONTAINS -> Optional.of(ruleValue.deepCopy());
      case EXISTS -> Optional.of(JSON.textNode("yes"));
      case IS_TRUE -> Optional.of(JSON.booleanNode(true));
      case IS_FALSE -> Optional.of(JSON.booleanNode(false));
      case GREATER_THAN ->
          Optional.of(JSON.numberNode(ruleValue.decimalValue().add(BigDecimal.ONE)));
      case LESS_THAN ->
          Optional.of(JSON.numberNode(ruleValue.decimalValue().subtract(BigDecimal.ONE)));
      case BEFORE -> shifted(ruleValue.asText(), Duration.ofDays(-1));
      case AFTER -> shifted(ruleValue.asText(), Duration.ofDays(1));
      case BETWEEN ->
          Assumptions.time(ruleValue.get(0).asText()).map(t -> JSON.textNode(t.toString()));
      default -> Optional.empty();
    };
  }

  private static Optional<JsonNode> shifted(String time, Duration by) {
    return Assumptions.time(time).map((Instant t) -> JSON.textNode(t.plus(by).toString()));
  }
}
