package dev.cspctl.api;

/** The two remote APIs cspctl talks to. */
public enum Api {
  PERSONALIZE("Personalize"),
  CMA("CMA");

  private final String displayName;

  Api(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
