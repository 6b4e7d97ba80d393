package dev.cspctl.api.personalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.ApiNames;
import dev.cspctl.spec.AudienceRules;
import dev.cspctl.spec.Condition;
import dev.cspctl.spec.Match;
import dev.cspctl.spec.Rule;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Translates between the spec's rule language and the Personalize API's {@code RuleCombination}
 * JSON. Custom attributes are named by key in the "keyed" form the planner compares; uids are put
 * in only when a request is sent. The option type of each condition is in one place: {@link
 * #options}.
 */
public final class AudienceRuleCodec {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String COMBINATION = "RuleCombination";
  private static final String CUSTOM = "CustomAttributeReference";
  private static final String PRESET = "PresetAttributeReference";
  private static final String LYTICS = "LyticsAttributeReference";

  private AudienceRuleCodec() {}

  /** The keyed API definition of desired rules (custom attribute refs hold attribute keys). */
  public static ObjectNode toKeyedApi(AudienceRules rules, UnaryOperator<String> rawUidToKey) {
    if (rules instanceof AudienceRules.Raw raw) return canonical(raw.definition(), rawUidToKey);
    AudienceRules.Language lang = (AudienceRules.Language) rules;
    return combination(lang.match(), lang.rules());
  }

  private static ObjectNode combination(Match match, java.util.List<Rule> rules) {
    ObjectNode c = JSON.objectNode();
    c.put("__type", COMBINATION);
    c.put("combinationType", ApiNames.match(match));
    ArrayNode list = c.putArray("rules");
    for (Rule r : rules) list.add(rule(r));
    return c;
  }

  private static ObjectNode rule(Rule r) {
    if (r instanceof Rule.Group g) return combination(g.match(), g.rules());
    ObjectNode n = JSON.objectNode();
    n.put("__type", "Rule");
    ObjectNode attribute = n.putObject("attribute");
    Condition condition;
    JsonNode value;
    boolean negate;
    if (r instanceof Rule.OnAttribute a) {
      attribute.put("__type", CUSTOM).put("ref", a.attributeKey());
      condition = a.condition();
      value = a.value();
      negate = a.negate();
    } else if (r instanceof Rule.OnPreset p) {
      attribute.put("__type", PRESET).put("ref", p.preset());
      condition = p.condition();
      value = p.value();
      negate = p.negate();
    } else {
      Rule.OnLytics l = (Rule.OnLytics) r;
      attribute
          .put("__type", LYTICS)
          .put(
              "ref",
              l.condition() == Condition.IN_FLOW_STATE ? "LYTICS_FLOW_STATE" : "LYTICS_AUDIENCE");
      condition = l.condition();
      value = l.value();
      negate = l.negate();
    }
    n.put("attributeMatchCondition", ApiNames.condition(condition, value));
    options(condition, value).ifPresent(o -> n.set("attributeMatchOptions", o));
    n.put("invertCondition", negate);
    return n;
  }

  /** The {@code attributeMatchOptions} for a condition and value ([inf] for dates and JSON). */
  static Optional<ObjectNode> options(Condition condition, JsonNode value) {
    ObjectNode o = JSON.objectNode();
    switch (condition.valueShape()) {
      case NONE -> {
        return Optional.empty();
      }
      case FLOW_STATE -> {
        o.put("__type", "FlowStateMatchOptions");
        o.set("flowId", value.get("flowId"));
        o.set("flowState", value.get("flowState"));
      }
      case LYTICS_ID -> {
        o.put("__type", "AudienceMatchOptions");
        o.set("value", value);
      }
      default -> {
        o.put("__type", value.isNumber() ? "NumberMatchOptions" : "StringMatchOptions");
        o.set("value", value);
      }
    }
    return Optional.of(o);
  }

  /**
   * The comparable form of an API definition: only the fields cspctl manages, defaults made
   * explicit, custom attribute uids replaced by keys where known.
   */
  public static ObjectNode canonical(JsonNode def, UnaryOperator<String> uidToKey) {
    ObjectNode out = JSON.objectNode();
    if (def == null || !def.isObject()) return out;
    String type = def.path("__type").asText();
    if (type.equals(COMBINATION)) {
      out.put("__type", COMBINATION);
      out.put("combinationType", def.path("combinationType").asText());
      ArrayNode rules = out.putArray("rules");
      def.path("rules").forEach(r -> rules.add(canonical(r, uidToKey)));
      return out;
    }
    out.put("__type", type);
    JsonNode a = def.path("attribute");
    ObjectNode attribute = out.putObject("attribute");
    String refType = a.path("__type").asText();
    String ref = a.path("ref").asText();
    attribute.put("__type", refType);
    attribute.put("ref", refType.equals(CUSTOM) ? uidToKey.apply(ref) : ref);
    out.put("attributeMatchCondition", def.path("attributeMatchCondition").asText());
    JsonNode opts = def.get("attributeMatchOptions");
    if (opts != null && opts.isObject()) {
      ObjectNode o = out.putObject("attributeMatchOptions");
      for (String f : new String[] {"__type", "value", "flowId", "flowState"}) {
        JsonNode v = opts.get(f);
        if (v != null && !v.isNull()) o.set(f, normalizeNumber(v));
      }
    }
    out.put("invertCondition", def.path("invertCondition").asBoolean(false));
    return out;
  }

  /** 6 and 6.0 compare equal. */
  private static JsonNode normalizeNumber(JsonNode v) {
    if (!v.isNumber()) return v;
    java.math.BigDecimal d = v.decimalValue().stripTrailingZeros();
    if (d.scale() <= 0
        && d.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
        && d.compareTo(java.math.BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
      return JSON.numberNode(d.longValueExact());
    }
    return JSON.numberNode(d.doubleValue());
  }

  /** True when a definition is a {@code RuleCombination} (the form the rule language can say). */
  public static boolean isRuleCombination(JsonNode def) {
    return def != null && COMBINATION.equals(def.path("__type").asText());
  }

  /**
   * The refs of every custom attribute a definition names (keys in a keyed one, uids in a raw one).
   */
  public static Set<String> customAttributeRefs(JsonNode def) {
    Set<String> refs = new HashSet<>();
    collectCustomRefs(def, refs);
    return refs;
  }

  private static void collectCustomRefs(JsonNode n, Set<String> refs) {
    JsonNode a = n.path("attribute");
    if (CUSTOM.equals(a.path("__type").asText())) refs.add(a.path("ref").asText());
    n.path("rules").forEach(r -> collectCustomRefs(r, refs));
  }

  /** Puts attribute uids into a keyed definition just before it is sent. */
  public static ObjectNode withUids(JsonNode keyed, UnaryOperator<String> keyToUid) {
    ObjectNode copy = keyed.deepCopy();
    replaceRefs(copy, keyToUid);
    return copy;
  }

  private static void replaceRefs(JsonNode n, UnaryOperator<String> keyToUid) {
    if (n.isObject()) {
      JsonNode a = n.get("attribute");
      if (a != null && a.isObject() && CUSTOM.equals(a.path("__type").asText())) {
        ((ObjectNode) a).put("ref", keyToUid.apply(a.path("ref").asText()));
      }
      n.path("rules").forEach(r -> replaceRefs(r, keyToUid));
    }
  }

  /**
   * The rule language form of a keyed definition ({@code match} + {@code rules}), when the language
   * can say it; empty when only the raw {@code definition} can.
   */
  public static Optional<ObjectNode> toLanguage(JsonNode keyed) {
    if (!isRuleCombination(keyed)) return Optional.empty();
    ObjectNode out = JSON.objectNode();
    Optional<String> match = match(keyed);
    if (match.isEmpty()) return Optional.empty();
    out.put("match", match.get());
    ArrayNode rules = out.putArray("rules");
    for (JsonNode r : keyed.path("rules")) {
      Optional<ObjectNode> rule = languageRule(r);
      if (rule.isEmpty()) return Optional.empty();
      rules.add(rule.get());
    }
    return rules.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  private static Optional<String> match(JsonNode combination) {
    return ApiNames.match(combination.path("combinationType").asText()).map(Match::yamlName);
  }

  private static Optional<ObjectNode> languageRule(JsonNode r) {
    if (isRuleCombination(r)) {
      Optional<ObjectNode> inner = toLanguage(r);
      if (inner.isEmpty()) return Optional.empty();
      ObjectNode g = JSON.objectNode();
      g.set(inner.get().get("match").asText(), inner.get().get("rules"));
      return Optional.of(g);
    }
    Optional<Condition> condition = ApiNames.condition(r.path("attributeMatchCondition").asText());
    if (condition.isEmpty()) return Optional.empty();
    Condition c = condition.get();
    ObjectNode out = JSON.objectNode();
    String refType = r.path("attribute").path("__type").asText();
    String ref = r.path("attribute").path("ref").asText();
    switch (refType) {
      case CUSTOM -> out.put("attribute", ref);
      case PRESET -> out.put("preset", ref);
      case LYTICS -> {
        if (c.subject() != Condition.Subject.LYTICS) return Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
    out.put("condition", c.yamlName());
    JsonNode opts = r.path("attributeMatchOptions");
    JsonNode value =
        switch (c.valueShape()) {
          case NONE -> null;
          case FLOW_STATE ->
              JSON.objectNode()
                  .<ObjectNode>set("flowId", opts.get("flowId"))
                  .set("flowState", opts.get("flowState"));
          default -> opts.get("value");
        };
    if (value != null) out.set("value", value);
    if (!c.valueShape().accepts(value)) return Optional.empty();
    if (r.path("invertCondition").asBoolean(false)) out.put("negate", true);
    // Round trip must be exact, or the raw definition is the honest form.
    if (!canonical(rule(parse(out)), k -> k).equals(r)) return Optional.empty();
    return Optional.of(out);
  }

  private static Rule parse(ObjectNode lang) {
    Condition c = Condition.fromYaml(lang.path("condition").asText()).orElseThrow();
    JsonNode value = lang.get("value");
    boolean negate = lang.path("negate").asBoolean(false);
    if (lang.has("attribute"))
      return new Rule.OnAttribute(lang.get("attribute").asText(), c, value, negate);
    if (lang.has("preset")) return new Rule.OnPreset(lang.get("preset").asText(), c, value, negate);
    return new Rule.OnLytics(c, value, negate);
  }
}
