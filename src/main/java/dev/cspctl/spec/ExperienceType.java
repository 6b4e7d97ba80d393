package dev.cspctl.spec;

/** Segmented experience or A/B test. */
public enum ExperienceType {
  SEGMENTED("segmented"),
  AB_TEST("abTest");

  private final String yamlName;

  ExperienceType(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public static ExperienceType fromYaml(String s) {
    return s.equals("abTest") ? AB_TEST : SEGMENTED;
  }
}
