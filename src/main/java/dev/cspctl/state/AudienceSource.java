package dev.cspctl.state;

/**
 * Where a live audience is defined: in Personalize (rules cspctl can manage) or synced from Lytics
 * (read-only).
 */
public enum AudienceSource {
  PERSONALIZE,
  LYTICS
}
