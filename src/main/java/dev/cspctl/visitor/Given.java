package dev.cspctl.visitor;

/** What an experience gives a visitor. */
public enum Given {
  /** A segmented experience's variant (named in the result). */
  VARIANT,
  /** In an A/B test's target group: some variant, which one is not predictable offline. */
  IN_TEST,
  /** No variant of it. */
  NONE,
  /** Depends on something cspctl cannot evaluate offline (named in the trace). */
  UNKNOWN;

  public boolean givesVariant() {
    return this == VARIANT || this == IN_TEST;
  }
}
