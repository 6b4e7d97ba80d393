package dev.cspctl.visitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.spec.Condition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One condition of an audience, compiled: its rule value is parsed once (number, date-times), and
 * {@link #eval} compares the visitor's value with it by the rules of spec-format.md ("Visitor
 * tests"), the assumed ones taken from {@link Assumptions}.
 */
final class ConditionNode implements RuleNode {
  private final ValueSource source; // null for Lytics conditions
  private final Condition condition;
  private final JsonNode ruleValue;
  private final boolean negate;
  private final BigDecimal ruleNumber;
  private final Instant[] ruleTimes;
  private final String unevaluable;

  private ConditionNode(
      ValueSource source,
      Condition condition,
      JsonNode ruleValue,
      boolean negate,
      String unevaluable) {
    this.source = source;
    this.condition = condition;
    this.ruleValue = ruleValue;
    this.negate = negate;
    this.ruleNumber = ruleValue != null && ruleValue.isNumber() ? ruleValue.decimalValue() : null;
    Instant[] times = null;
    String problem = unevaluable;
    if (problem == null
        && (condition == Condition.BEFORE
            || condition == Condition.AFTER
            || condition == Condition.BETWEEN)) {
      JsonNode[] bounds =
          condition == Condition.BETWEEN
              ? new JsonNode[] {ruleValue.get(0), ruleValue.get(1)}
              : new JsonNode[] {ruleValue};
      times = new Instant[bounds.length];
      for (int i = 0; i < bounds.length; i++) {
        Optional<Instant> t = Assumptions.time(bounds[i].asText());
        if (t.isEmpty()) {
          problem =
              "the rule's date-time '"
                  + bounds[i].asText()
                  + "' is not one cspctl can read (ISO-8601)";
          break;
        }
        times[i] = t.get();
      }
    }
    this.ruleTimes = times;
    this.unevaluable = problem;
  }

  /**
   * A condition on a custom attribute or preset; {@code unevaluable} names why it cannot be
   * evaluated, or is null.
   */
  static ConditionNode on(
      ValueSource source, Condition condition, JsonNode value, boolean negate, String unevaluable) {
    return new ConditionNode(
        source,
        condition,
        value,
        negate,
        unevaluable != null ? unevaluable : offlineProblem(condition));
  }

  static ConditionNode lytics(Condition condition, JsonNode value, boolean negate) {
    return new ConditionNode(null, condition, value, negate, offlineProblem(condition));
  }

  private static String offlineProblem(Condition condition) {
    return switch (condition) {
      case JSON_MATCH -> "jsonMatch cannot be evaluated offline";
      case IN_FLOW_STATE -> "inFlowState (a Lytics flow state) cannot be evaluated offline";
      default -> null;
    };
  }

  @Override
  public Tri eval(Context ctx) {
    if (unevaluable != null) return Tri.UNKNOWN;
    return Assumptions.negate(test(ctx), negate);
  }

  private Tri test(Context ctx) {
    if (condition == Condition.MEMBER_OF) return Tri.of(ctx.lytics.contains(ruleValue.asText()));
    JsonNode v = source.read(ctx.visitor, ctx.time);
    if (v == null) return Assumptions.missing();
    return switch (condition) {
      case EXISTS -> Tri.TRUE;
      case EQUALS ->
          ruleNumber != null
              ? Tri.of(Assumptions.number(v).map(n -> n.compareTo(ruleNumber) == 0).orElse(false))
              : Tri.of(Assumptions.textEquals(v.asText(), ruleValue.asText()));
      case CONTAINS -> Tri.of(Assumptions.contains(v.asText(), ruleValue.asText()));
      case LESS_THAN ->
          Tri.of(Assumptions.number(v).map(n -> n.compareTo(ruleNumber) < 0).orElse(false));
      case GREATER_THAN ->
          Tri.of(Assumptions.number(v).map(n -> n.compareTo(ruleNumber) > 0).orElse(false));
      case IS_TRUE -> Tri.of(Assumptions.bool(v).orElse(false));
      case IS_FALSE -> Tri.of(!Assumptions.bool(v).orElse(true));
      case BEFORE, AFTER, BETWEEN -> time(v).map(this::compareTime).orElse(Assumptions.missing());
      default -> Tri.UNKNOWN;
    };
  }

  private Optional<Instant> time(JsonNode v) {
    return Assumptions.time(v.asText());
  }

  private Tri compareTime(Instant t) {
    return Tri.of(
        switch (condition) {
          case BEFORE -> Assumptions.before(t, ruleTimes[0]);
          case AFTER -> Assumptions.after(t, ruleTimes[0]);
          default -> Assumptions.between(t, ruleTimes[0], ruleTimes[1]);
        });
  }

  @Override
  public Trace trace(Context ctx) {
    if (unevaluable != null) return Trace.leaf(wants() + ": " + unevaluable, Tri.UNKNOWN);
    return Trace.leaf(found(ctx) + ", rule wants " + wants(), eval(ctx));
  }

  /** {@code loyalty_tier is "silver"} / {@code country is missing}. */
  private String found(Context ctx) {
    if (condition == Condition.MEMBER_OF) {
      return "lyticsAudiences "
          + (ctx.lytics.contains(ruleValue.asText()) ? "has " : "does not have ")
          + ruleValue.asText();
    }
    JsonNode v = source.read(ctx.visitor, ctx.time);
    return source.display()
        + " is "
        + (v == null ? "missing" : v.isTextual() ? "\"" + v.asText() + "\"" : v.toString());
  }

  /** {@code equals "gold"} / {@code not greaterThan 6}. */
  private String wants() {
    String value = ruleValue == null ? "" : " " + ruleValue;
    String subject =
        source == null || condition == Condition.MEMBER_OF ? "" : " (" + source.display() + ")";
    return (negate ? "not " : "")
        + condition.yamlName()
        + value
        + (unevaluable != null ? subject : "");
  }
}
