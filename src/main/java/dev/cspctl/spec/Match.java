package dev.cspctl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How rules or audience lists combine; in JSON (plans) by its YAML name. */
public enum Match {
  @JsonProperty("all")
  ALL("all"),
  @JsonProperty("any")
  ANY("any");

  private final String yamlName;

  Match(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public static Match fromYaml(String s) {
    return s.equals("any") ? ANY : ALL;
  }
}
