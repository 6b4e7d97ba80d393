package dev.cspctl.emulator;

/** Documented default Personalize quotas (limitations.md). */
final class Quotas {
  static final int EXPERIENCES = 100;
  static final int AUDIENCES = 100;
  static final int RULES_PER_AUDIENCE = 50;
  static final int ATTRIBUTES = 100;
  static final int EVENTS = 100;
  static final int VARIANTS_PER_EXPERIENCE = 20;

  private Quotas() {}

  static void check(boolean enforce, int current, int max, String kind) {
    if (enforce && current >= max) {
      throw ApiException.business(400, EmulatorAssumptions.quotaExceeded(kind));
    }
  }
}
