package dev.cspctl.visitor;

/**
 * A three-valued truth: a rule cspctl cannot evaluate offline (jsonMatch, an audience the specs do
 * not declare) is UNKNOWN, and a result depends on it exactly when it stays UNKNOWN after combining
 * (Kleene logic: {@code false AND unknown} is false, {@code true OR unknown} true).
 */
public enum Tri {
  TRUE,
  FALSE,
  UNKNOWN;

  public static Tri of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public Tri not() {
    return switch (this) {
      case TRUE -> FALSE;
      case FALSE -> TRUE;
      case UNKNOWN -> UNKNOWN;
    };
  }
}
