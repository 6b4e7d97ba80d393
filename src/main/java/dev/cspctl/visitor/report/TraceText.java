package dev.cspctl.visitor.report;

import dev.cspctl.visitor.Trace;
import dev.cspctl.visitor.Tri;

/** A trace as an indented tree: {@code +} held, {@code -} failed, {@code ?} not evaluable. */
public final class TraceText {
  private TraceText() {}

  public static String render(Trace trace, String indent) {
    StringBuilder out = new StringBuilder();
    append(out, trace, indent);
    return out.toString();
  }

  private static void append(StringBuilder out, Trace t, String indent) {
    out.append(indent).append(mark(t.result())).append(' ').append(t.label());
    boolean named = t.label().endsWith(" of");
    if (t.combine() != null && t.children().size() > 1 && !named)
      out.append(" (").append(t.combine().yamlName()).append(')');
    out.append('\n');
    for (Trace c : t.children()) append(out, c, indent + "  ");
  }

  static char mark(Tri t) {
    return switch (t) {
      case TRUE -> '+';
      case FALSE -> '-';
      case UNKNOWN -> '?';
    };
  }
}
