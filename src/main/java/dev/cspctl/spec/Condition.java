package dev.cspctl.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Optional;

/**
 * The conditions of the rule language and the value each takes (their Personalize API names are in
 * {@code dev.cspctl.api.ApiNames}).
 */
public enum Condition {
  EQUALS("equals", ValueShape.STRING_OR_NUMBER, Subject.ATTRIBUTE),
  CONTAINS("contains", ValueShape.STRING, Subject.ATTRIBUTE),
  EXISTS("exists", ValueShape.NONE, Subject.ATTRIBUTE),
  IS_TRUE("isTrue", ValueShape.NONE, Subject.ATTRIBUTE),
  IS_FALSE("isFalse", ValueShape.NONE, Subject.ATTRIBUTE),
  LESS_THAN("lessThan", ValueShape.NUMBER, Subject.ATTRIBUTE),
  GREATER_THAN("greaterThan", ValueShape.NUMBER, Subject.ATTRIBUTE),
  JSON_MATCH("jsonMatch", ValueShape.STRING_OR_MAPPING, Subject.ATTRIBUTE),
  MEMBER_OF("memberOf", ValueShape.LYTICS_ID, Subject.LYTICS),
  BEFORE("before", ValueShape.STRING, Subject.ATTRIBUTE),
  AFTER("after", ValueShape.STRING, Subject.ATTRIBUTE),
  BETWEEN("between", ValueShape.TWO_STRINGS, Subject.ATTRIBUTE),
  IN_FLOW_STATE("inFlowState", ValueShape.FLOW_STATE, Subject.LYTICS);

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
        case STRING_OR_NUMBER ->
            v != null && (v.isNumber() || (v.isTextual() && !v.asText().isEmpty()));
        case STRING_OR_MAPPING -> v != null && (v.isTextual() || v.isObject());
        case LYTICS_ID -> v != null && v.isTextual() && v.asText().matches("[0-9a-f]{32}");
        case TWO_STRINGS ->
            v != null
                && v.isArray()
                && v.size() == 2
                && v.get(0).isTextual()
                && v.get(1).isTextual();
        case FLOW_STATE ->
            v != null
                && v.isObject()
                && v.path("flowId").isTextual()
                && v.path("flowState").isTextual()
                && v.size() == 2;
      };
    }
  }

  /** What a rule with this condition refers to. */
  public enum Subject {
    ATTRIBUTE,
    LYTICS
  }

  private final String yamlName;
  private final ValueShape valueShape;
  private final Subject subject;

  Condition(String yamlName, ValueShape valueShape, Subject subject) {
    this.yamlName = yamlName;
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

  public static Optional<Condition> fromYaml(String name) {
    return Arrays.stream(values()).filter(c -> c.yamlName.equals(name)).findFirst();
  }
}
