package dev.cspctl.spec;

/** The desired status of an experience's live version. */
public enum ExperienceStatus {
  DRAFT("draft", "DRAFT"),
  ACTIVE("active", "ACTIVE"),
  PAUSED("paused", "PAUSED");

  private final String yamlName;
  private final String apiName;

  ExperienceStatus(String yamlName, String apiName) {
    this.yamlName = yamlName;
    this.apiName = apiName;
  }

  public String yamlName() {
    return yamlName;
  }

  public String apiName() {
    return apiName;
  }

  public static ExperienceStatus fromYaml(String s) {
    return switch (s) {
      case "active" -> ACTIVE;
      case "paused" -> PAUSED;
      default -> DRAFT;
    };
  }
}
