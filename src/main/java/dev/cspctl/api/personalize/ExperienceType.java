package dev.cspctl.api.personalize;

/** Experience {@code __type} (§4). Unknown values are reported as a bad reply. */
public enum ExperienceType {
  SEGMENTED,
  AB_TEST
}
