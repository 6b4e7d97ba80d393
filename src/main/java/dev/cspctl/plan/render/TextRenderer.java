package dev.cspctl.plan.render;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.cspctl.plan.Action;
import dev.cspctl.plan.Change;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Terraform-style text: one block per changed resource with its symbol, a unified diff of the
 * managed fields, the steps apply will run, and the summary line. ANSI colour only when asked (the
 * CLI asks only on a terminal without NO_COLOR).
 */
public final class TextRenderer {
  private static final String RESET = "\u001b[0m";
  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String BOLD = "\u001b[1m";

  private final boolean color;

  public TextRenderer(boolean color) {
    this.color = color;
  }

  public String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    if (plan.isEmpty()) {
      out.append("No changes. The live project matches the specs.\n");
    } else {
      out.append("cspctl will perform the following actions:\n\n")
          .append(legend(plan))
          .append('\n');
      for (Change c : plan.changes()) block(c, out);
      out.append("Steps apply will run (").append(plan.steps().size()).append("):\n");
      int n = 1;
      for (Step s : plan.steps()) out.append(String.format("  %3d. %s%n", n++, s.description()));
      out.append('\n');
    }
    for (String w : plan.warnings()) out.append(paint(YELLOW, "Warning: ")).append(w).append('\n');
    if (plan.unmanagedIgnored() > 0) {
      out.append(plan.unmanagedIgnored())
          .append(
              " unmanaged live resource(s) ignored (no cspctl ownership marker, not in the specs).\n");
    }
    out.append(paint(BOLD, plan.summary().line())).append('\n');
    return out.toString();
  }

  /** The symbols this plan uses, as Terraform lists them. */
  private String legend(Plan plan) {
    StringBuilder b = new StringBuilder("Symbols:");
    for (Action a : Action.values()) {
      if (a == Action.RENAME && plan.count(Action.UPDATE) > 0) continue; // shares '~' with update
      if (plan.count(a) > 0)
        b.append("  ").append(paint(colour(a), a.symbol())).append(' ').append(legendWord(a));
    }
    return b.append('\n').toString();
  }

  private static String legendWord(Action a) {
    return switch (a) {
      case CREATE -> "create";
      case UPDATE, RENAME -> "update in place";
      case ADOPT -> "adopt";
      case REPLACE -> "replace";
      case DELETE -> "delete";
    };
  }

  private void block(Change c, StringBuilder out) {
    String colour = colour(c.action());
    out.append(
            paint(
                colour,
                c.action().symbol()
                    + " "
                    + c.key().kind().yamlName()
                    + " \""
                    + c.key().name()
                    + "\""))
        .append(" will be ")
        .append(past(c.action()))
        .append('\n');
    for (String note : c.notes()) out.append("    # ").append(note).append('\n');
    for (String line : diffLines(c)) out.append("    ").append(paintLine(line)).append('\n');
    out.append('\n');
  }

  static List<String> diffLines(Change c) {
    List<String> before = YamlLines.of(c.before());
    List<String> after = YamlLines.of(c.after());
    List<String> out = new ArrayList<>();
    if (c.before() == null) {
      after.forEach(l -> out.add("+ " + l));
    } else if (c.after() == null) {
      before.forEach(l -> out.add("- " + l));
    } else {
      Patch<String> patch = DiffUtils.diff(before, after);
      if (patch.getDeltas().isEmpty()) return out;
      List<String> unified =
          UnifiedDiffUtils.generateUnifiedDiff("live", "desired", before, patch, 3);
      for (String l : unified) {
        if (l.startsWith("---") || l.startsWith("+++")) continue;
        // The line numbers of a hunk header count lines of a rendering the reader never sees:
        // only say that unchanged lines were left out.
        if (l.startsWith("@@")) {
          if (!(out.isEmpty() && l.startsWith("@@ -1,"))) out.add(OMITTED);
        } else if (l.startsWith("+") || l.startsWith("-"))
          out.add(l.charAt(0) + " " + l.substring(1));
        else out.add("  " + (l.isEmpty() ? "" : l.substring(1)));
      }
    }
    return out;
  }

  /** Stands for unchanged lines left out of a diff. */
  public static final String OMITTED = "  …";

  private String paintLine(String line) {
    if (line.startsWith("+ ")) return paint(GREEN, line);
    if (line.startsWith("- ")) return paint(RED, line);
    if (line.equals(OMITTED)) return paint(CYAN, line);
    return line;
  }

  private static String colour(Action a) {
    return switch (a) {
      case CREATE, ADOPT -> GREEN;
      case DELETE, REPLACE -> RED;
      default -> YELLOW;
    };
  }

  static String past(Action a) {
    return switch (a) {
      case CREATE -> "created";
      case UPDATE -> "updated in place";
      case RENAME -> "renamed in place";
      case ADOPT -> "adopted (ownership marker added)";
      case REPLACE -> "replaced (deleted, then created)";
      case DELETE -> "deleted";
    };
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }
}
