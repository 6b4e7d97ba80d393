package dev.cspctl.spec;

/** How rules or audience lists combine. */
public enum Match {
  ALL("all", "AND"),
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
