package dev.cspctl.spec;

/** The desired status of an experience's live version. */
public enum ExperienceStatus {
  DRAFT("draft"),
  ACTIVE("active"),
  PAUSED("paused");

  private final String yamlName;

  ExperienceStatus(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public static ExperienceStatus fromYaml(String s) {
    return switch (s) {
      case "active" -> ACTIVE;
      case "paused" -> PAUSED;
      default -> DRAFT;
    };
  }
}
