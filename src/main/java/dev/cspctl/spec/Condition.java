package dev.cspctl.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Optional;

/**
 * The conditions of the rule language, their Personalize API names, and the value each takes.
 * {@code equals} maps to STRING_EQUALS or NUMBER_EQUAL_TO depending on the value.
 */
public enum Condition {
  EQUALS("equals", "STRING_EQUALS", ValueShape.STRING_OR_NUMBER, Subject.ATTRIBUTE),
  CONTAINS("contains", "CONTAINS_SUBSTRING", ValueShape.STRING, Subject.ATTRIBUTE),
  EXISTS("exists", "HAS_ANY_VALUE", ValueShape.NONE, Subject.ATTRIBUTE),
  IS_TRUE("isTrue", "IS_TRUE", ValueShape.NONE, Subject.ATTRIBUTE),
  IS_FALSE("isFalse", "IS_FALSE", ValueShape.NONE, Subject.ATTRIBUTE),
  LESS_THAN("lessThan", "NUMBER_LESS_THAN", ValueShape.NUMBER, Subject.ATTRIBUTE),
  GREATER_THAN("greaterThan", "NUMBER_GREATER_THAN", ValueShape.NUMBER, Subject.ATTRIBUTE),
  JSON_MATCH("jsonMatch", "JSON_MATCH", ValueShape.STRING_OR_MAPPING, Subject.ATTRIBUTE),
  MEMBER_OF("memberOf", "IS_MEMBER_OF", ValueShape.LYTICS_ID, Subject.LYTICS),
  BEFORE("before", "BEFORE_TIME", ValueShape.STRING, Subject.ATTRIBUTE),
  AFTER("after", "AFTER_TIME", ValueShape.STRING, Subject.ATTRIBUTE),
  BETWEEN("between", "BETWEEN_TIME", ValueShape.TWO_STRINGS, Subject.ATTRIBUTE),
  IN_FLOW_STATE("inFlowState", "IS_IN_FLOW_STATE", ValueShape.FLOW_STATE, Subject.LYTICS);

  /** The value a condition takes. */
  public enum ValueShape {
    NONE("no value"),
    STRING("a string"),
    NUMBER("a number"),
    STRING_OR_NUMBER("a string or a number"),
    STRING_OR_MAPPING("a string or a mapping"),
    LYTICS_ID("a Lytics audience uid (32 hex)"),
    TWO_STRINGS("a list of two date-times [from, to]"),
    FLOW_STATE("a mapping {flowId, flowState}");

    private final String description;

    ValueShape(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }

    public boolean accepts(JsonNode v) {
      return switch (this) {
        case NONE -> v == null || v.isMissingNode();
        case STRING -> v != null && v.isTextual() && !v.asText().isEmpty();
        case NUMBER -> v != null && v.isNumber();
        case STRING_OR_NUMBER -> v != null && (v.isNumber() || (v.isTextual() && !v.asText().isEmpty()));
        case STRING_OR_MAPPING -> v != null && (v.isTextual() || v.isObject());
        case LYTICS_ID -> v != null && v.isTextual() && v.asText().matches("[0-9a-f]{32}");
        case TWO_STRINGS -> v != null && v.isArray() && v.size() == 2 && v.get(0).isTextual() && v.get(1).isTextual();
        case FLOW_STATE -> v != null && v.isObject() && v.path("flowId").isTextual() && v.path("flowState").isTextual()
            && v.size() == 2;
      };
    }
  }

  /** What a rule with this condition refers to. */
  public enum Subject { ATTRIBUTE, LYTICS }

  private final String yamlName;
  private final String apiName;
  private final ValueShape valueShape;
  private final Subject subject;

  Condition(String yamlName, String apiName, ValueShape valueShape, Subject subject) {
    this.yamlName = yamlName;
    this.apiName = apiName;
    this.valueShape = valueShape;
    this.subject = subject;
  }

  public String yamlName() {
    return yamlName;
  }

  public ValueShape valueShape() {
    return valueShape;
  }

  public Subject subject() {
    return subject;
  }

  /** The API's {@code attributeMatchCondition} for this condition and value. */
  public String apiName(JsonNode value) {
    if (this == EQUALS && value != null && value.isNumber()) return "NUMBER_EQUAL_TO";
    return apiName;
  }

  public static Optional<Condition> fromYaml(String name) {
    return Arrays.stream(values()).filter(c -> c.yamlName.equals(name)).findFirst();
  }

  public static Optional<Condition> fromApi(String apiName) {
    if ("NUMBER_EQUAL_TO".equals(apiName)) return Optional.of(EQUALS);
    return Arrays.stream(values()).filter(c -> c.apiName.equals(apiName)).findFirst();
  }
}
