package dev.cspctl.spec;

/** How rules or audience lists combine. */
public enum Match {
  ALL("all"),
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
