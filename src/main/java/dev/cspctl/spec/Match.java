package dev.cspctl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How rules or audience lists combine; in JSON (plans) by its YAML name. */
public enum Match {
  @JsonProperty("all")
  ALL("all", "AND"),
  @JsonProperty("any")
  ANY("any", "OR");

  private final String yamlName;
  private final String apiName;

  Match(String yamlName, String apiName) {
    this.yamlName = yamlName;
    this.apiName = apiName;
  }

  public String yamlName() {
    return yamlName;
  }

  /** {@code combinationType} / {@code audienceCombinationType} in the Personalize API. */
  public String apiName() {
    return apiName;
  }

  public static Match fromYaml(String s) {
    return s.equals("any") ? ANY : ALL;
  }
}
