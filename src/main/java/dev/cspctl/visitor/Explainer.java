package dev.cspctl.visitor;

import dev.cspctl.spec.Match;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a trace into the one sentence a reviewer reads: why a variant won, why one did not ({@code
 * 'Gold members' failed: loyalty_tier is "silver", rule wants equals "gold"}), and what could not
 * be evaluated.
 */
final class Explainer {
  private static final int MAX_REASONS = 4;

  private Explainer() {}

  /** The reasons a node held. */
  static String held(Trace t) {
    return join(collect(t, Tri.TRUE));
  }

  /** The reasons a node failed. */
  static String failed(Trace t) {
    return join(collect(t, Tri.FALSE));
  }

  /** What a node that came out UNKNOWN could not evaluate. */
  static String unknown(Trace t) {
    return join(collect(t, Tri.UNKNOWN));
  }

  private static List<String> collect(Trace t, Tri wanted) {
    List<String> out = new ArrayList<>();
    if (t.children().isEmpty()) {
      out.add(t.label());
      return out;
    }
    List<Trace> relevant = new ArrayList<>();
    for (Trace c : t.children()) {
      if (c.result() != wanted) continue;
      relevant.add(c);
      // One true child is enough to make an 'any' hold; one false child to make an 'all' fail.
      boolean decisive =
          (t.combine() == Match.ANY && wanted == Tri.TRUE)
              || (t.combine() == Match.ALL && wanted == Tri.FALSE);
      if (decisive) break;
    }
    for (Trace c : relevant) {
      List<String> inner = collect(c, wanted);
      String name = audienceName(c.label());
      if (name != null) out.add("'" + name + "' " + verb(wanted) + ": " + join(inner));
      else out.addAll(inner);
    }
    return out;
  }

  private static String verb(Tri t) {
    return switch (t) {
      case TRUE -> "held";
      case FALSE -> "failed";
      case UNKNOWN -> "cannot be evaluated";
    };
  }

  private static String audienceName(String label) {
    return label.startsWith("audience '") && label.endsWith("'")
        ? label.substring(10, label.length() - 1)
        : null;
  }

  private static String join(List<String> reasons) {
    if (reasons.size() <= MAX_REASONS) return String.join("; ", reasons);
    return String.join("; ", reasons.subList(0, MAX_REASONS))
        + "; and "
        + (reasons.size() - MAX_REASONS)
        + " more";
  }

  /** The trace of the variant with this name, among an explained experience's children. */
  static Trace variant(Trace experience, String name) {
    String label = "variant '" + name + "'";
    return experience.children().stream()
        .filter(c -> c.label().equals(label))
        .findFirst()
        .orElse(null);
  }

  static int indexOf(Trace experience, String name) {
    String label = "variant '" + name + "'";
    for (int i = 0; i < experience.children().size(); i++)
      if (experience.children().get(i).label().equals(label)) return i;
    return -1;
  }
}
