package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/** Validates an audience {@code definition} tree (section 2 of the API reference). */
final class AudienceValidator {
  static final Set<String> PRESET_REFS =
      Set.of(
          "COUNTRY",
          "REGION",
          "CITY",
          "DEVICE_TYPE",
          "OPERATING_SYSTEM",
          "QUERY_PARAMETERS",
          "REFERRER",
          "DATE_AND_TIME");
  static final Set<String> LYTICS_REFS = Set.of("LYTICS_AUDIENCE", "LYTICS_FLOW_STATE");
  static final Set<String> NO_OPTIONS = Set.of("HAS_ANY_VALUE", "IS_TRUE", "IS_FALSE");

  /** Condition -> the option type it needs (lenient ones accept any known type). */
  static final Map<String, String> OPTION_TYPE =
      Map.of(
          "STRING_EQUALS", "StringMatchOptions",
          "CONTAINS_SUBSTRING", "StringMatchOptions",
          "NUMBER_LESS_THAN", "NumberMatchOptions",
          "NUMBER_GREATER_THAN", "NumberMatchOptions",
          "NUMBER_EQUAL_TO", "NumberMatchOptions",
          "IS_MEMBER_OF", "AudienceMatchOptions",
          "IS_IN_FLOW_STATE", "FlowStateMatchOptions");

  static final Set<String> OPTION_TYPES =
      Set.of(
          "StringMatchOptions",
          "NumberMatchOptions",
          "AudienceMatchOptions",
          "FlowStateMatchOptions");

  private static final String FIELD = "definition";
  private final Set<String> attributeUids;

  AudienceValidator(Set<String> attributeUids) {
    this.attributeUids = attributeUids;
  }

  void validate(JsonNode definition) {
    if (definition == null || !definition.isObject()) {
      throw ApiException.validation(FIELD, EmulatorAssumptions.REQUIRED);
    }
    if (!"RuleCombination".equals(Json.text(definition, "__type"))) {
      fail("definition must be a RuleCombination");
    }
    node(definition);
    int rules = countRules(definition);
    if (rules > Quotas.RULES_PER_AUDIENCE) {
      fail(EmulatorAssumptions.MAX_RULES_MESSAGE);
    }
  }

  static int countRules(JsonNode n) {
    if ("Rule".equals(Json.text(n, "__type"))) {
      return 1;
    }
    int c = 0;
    JsonNode rules = n.get("rules");
    if (rules != null && rules.isArray()) {
      for (JsonNode r : rules) {
        c += countRules(r);
      }
    }
    return c;
  }

  private void node(JsonNode n) {
    String type = Json.text(n, "__type");
    if ("RuleCombination".equals(type)) {
      combination(n);
    } else if ("Rule".equals(type)) {
      rule(n);
    } else {
      fail("__type must be RuleCombination or Rule");
    }
  }

  private void combination(JsonNode n) {
    String ct = Json.text(n, "combinationType");
    if (!"AND".equals(ct) && !"OR".equals(ct)) {
      fail("combinationType must be AND or OR");
    }
    JsonNode rules = n.get("rules");
    if (rules == null || !rules.isArray()) {
      fail("rules must be an array");
    }
    if (rules.isEmpty() && EmulatorAssumptions.EMPTY_RULE_COMBINATION_REJECTED) {
      fail("rules must not be empty");
    }
    rules.forEach(this::node);
  }

  private void rule(JsonNode n) {
    attribute(n.get("attribute"));
    String cond = Json.text(n, "attributeMatchCondition");
    if (cond == null
        || !(NO_OPTIONS.contains(cond)
            || OPTION_TYPE.containsKey(cond)
            || EmulatorAssumptions.LENIENT_CONDITIONS.contains(cond))) {
      fail("attributeMatchCondition " + cond + " is not valid");
    }
    JsonNode inv = n.get("invertCondition");
    if (inv != null && !inv.isBoolean() && !inv.isNull()) {
      fail("invertCondition must be a boolean");
    }
    if (!NO_OPTIONS.contains(cond) && !optionsFit(cond, n.get("attributeMatchOptions"))) {
      fail("valid matchOptions is required for " + cond + " condition");
    }
  }

  private static boolean optionsFit(String cond, JsonNode opts) {
    if (opts == null || !opts.isObject()) {
      return false;
    }
    String type = Json.text(opts, "__type");
    String wanted = OPTION_TYPE.get(cond);
    if (wanted == null) {
      return OPTION_TYPES.contains(type);
    }
    if (!wanted.equals(type)) {
      return false;
    }
    JsonNode v = opts.get("value");
    return switch (type) {
      case "NumberMatchOptions" -> v != null && v.isNumber();
      case "StringMatchOptions" -> v != null && v.isTextual();
      case "FlowStateMatchOptions" -> opts.hasNonNull("flowId") && opts.hasNonNull("flowState");
      default -> (v != null && !v.isNull()) || opts.size() > 1;
    };
  }

  private void attribute(JsonNode a) {
    if (a == null || !a.isObject()) {
      fail("attribute is required");
    }
    String type = Json.text(a, "__type");
    String ref = Json.text(a, "ref");
    boolean ok =
        switch (type == null ? "" : type) {
          case "PresetAttributeReference" -> PRESET_REFS.contains(ref);
          case "CustomAttributeReference" -> ref != null && attributeUids.contains(ref);
          case "LyticsAttributeReference" -> LYTICS_REFS.contains(ref);
          default -> false;
        };
    if (!ok) {
      fail("attribute " + type + " with ref " + ref + " is not valid");
    }
  }

  private static void fail(String message) {
    throw ApiException.validation(FIELD, message);
  }
}
