package dev.cspctl.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One rule of an audience: a condition on an attribute, a preset, Lytics, or a nested group. */
public sealed interface Rule {

  /** Counts this rule and every rule nested in it (the API caps an audience at 50). */
  int size();

  /** A condition on a custom attribute, referred to by key. */
  record OnAttribute(String attributeKey, Condition condition, JsonNode value, boolean negate)
      implements Rule {
    public OnAttribute {
      value = value == null ? null : value.deepCopy();
    }

    @Override
    public JsonNode value() {
      return value == null ? null : value.deepCopy();
    }

    @Override
    public int size() {
      return 1;
    }
  }

  /** A condition on a preset attribute such as COUNTRY. */
  record OnPreset(String preset, Condition condition, JsonNode value, boolean negate)
      implements Rule {
    public OnPreset {
      value = value == null ? null : value.deepCopy();
    }

    @Override
    public JsonNode value() {
      return value == null ? null : value.deepCopy();
    }

    @Override
    public int size() {
      return 1;
    }
  }

  /** A Lytics condition: {@code memberOf} an audience or {@code inFlowState}. */
  record OnLytics(Condition condition, JsonNode value, boolean negate) implements Rule {
    public OnLytics {
      value = value == null ? null : value.deepCopy();
    }

    @Override
    public JsonNode value() {
      return value == null ? null : value.deepCopy();
    }

    @Override
    public int size() {
      return 1;
    }
  }

  /** A nested group of rules combined with {@code match}. */
  record Group(Match match, List<Rule> rules) implements Rule {
    public Group {
      rules = List.copyOf(rules);
    }

    @Override
    public int size() {
      return 1 + rules.stream().mapToInt(Rule::size).sum();
    }
  }
}
