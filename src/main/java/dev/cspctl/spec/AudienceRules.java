package dev.cspctl.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An audience's definition: the rule language, or the API's raw RuleCombination. */
public sealed interface AudienceRules {

  /** {@code match} + {@code rules}. */
  record Language(Match match, List<Rule> rules) implements AudienceRules {
    public Language {
      rules = List.copyOf(rules);
    }

    public int size() {
      return rules.stream().mapToInt(Rule::size).sum();
    }
  }

  /** {@code definition:} sent as is. */
  record Raw(JsonNode definition) implements AudienceRules {
    public Raw {
      definition = definition.deepCopy();
    }

    @Override
    public JsonNode definition() {
      return definition.deepCopy();
    }
  }
}
