package dev.cspctl.spec;

/** Segmented experience or A/B test. */
public enum ExperienceType {
  SEGMENTED("segmented", "SEGMENTED"),
  AB_TEST("abTest", "AB_TEST");

  private final String yamlName;
  private final String apiName;

  ExperienceType(String yamlName, String apiName) {
    this.yamlName = yamlName;
    this.apiName = apiName;
  }

  public String yamlName() {
    return yamlName;
  }

  public String apiName() {
    return apiName;
  }

  public static ExperienceType fromYaml(String s) {
    return s.equals("abTest") ? AB_TEST : SEGMENTED;
  }
}
