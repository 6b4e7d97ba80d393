package dev.cspctl.plan.render;

import dev.cspctl.plan.Action;
import dev.cspctl.plan.Change;
import dev.cspctl.plan.Plan;
import java.util.List;

/**
 * Markdown for merge-request comments: the summary, a table of changes, one collapsible diff per
 * resource, kept under {@link #LIMIT} characters (the rest is summarised with a note).
 */
public final class MarkdownRenderer {
  public static final int LIMIT = 60_000;
  private final int limit;

  public MarkdownRenderer() {
    this(LIMIT);
  }

  MarkdownRenderer(int limit) {
    this.limit = limit;
  }

  public String render(Plan plan) {
    return render(plan, null);
  }

  /**
   * Renders the plan.
   *
   * @param madeFor where the plan was made for (project, region, commit), named under the title;
   *     null: not named
   */
  public String render(Plan plan, String madeFor) {
    StringBuilder head = new StringBuilder("### cspctl plan\n\n");
    if (madeFor != null) head.append(madeFor).append("\n\n");
    head.append("**").append(plan.summary().line()).append("**\n\n");
    if (plan.isEmpty()) head.append("No changes. The live project matches the specs.\n\n");
    for (String w : plan.warnings()) head.append("> :warning: ").append(escape(w)).append("\n\n");
    if (plan.unmanagedIgnored() > 0) {
      head.append("_")
          .append(plan.unmanagedIgnored())
          .append(" unmanaged live resource(s) ignored._\n\n");
    }
    if (!plan.isEmpty()) {
      head.append("| | Kind | Name | Action | Fields |\n|---|---|---|---|---|\n");
      for (Change c : plan.changes()) {
        head.append("| `")
            .append(c.action().symbol())
            .append("` | ")
            .append(c.key().kind().yamlName())
            .append(" | ")
            .append(escape(c.key().name()))
            .append(" | ")
            .append(c.action().verb())
            .append(" | ")
            .append(
                c.before() == null || c.after() == null ? "all" : String.valueOf(c.diffs().size()))
            .append(" |\n");
      }
      head.append('\n');
    }
    String footerNote = "\n_Steps apply will run: " + plan.steps().size() + "._\n";
    StringBuilder details = new StringBuilder();
    int shown = 0;
    for (Change c : plan.changes()) {
      String section = section(c);
      int reserve = 300;
      if (head.length() + details.length() + section.length() + footerNote.length() + reserve
          > limit) break;
      details.append(section);
      shown++;
    }
    StringBuilder out = new StringBuilder(head).append(details);
    if (shown < plan.changes().size()) {
      out.append("\n> **Note:** ")
          .append(plan.changes().size() - shown)
          .append(" more change(s) are not shown to keep this comment under ")
          .append(limit)
          .append(
              " characters; they are listed in the table above and in full in the plan artifact (`--format text` or `json`).\n");
    }
    out.append(footerNote);
    return out.toString();
  }

  private static String section(Change c) {
    StringBuilder s =
        new StringBuilder("<details><summary><code>")
            .append(c.action().symbol())
            .append("</code> ")
            .append(c.key().kind().yamlName())
            .append(" <b>")
            .append(html(c.key().name()))
            .append("</b> will be ")
            .append(TextRenderer.past(c.action()))
            .append("</summary>\n\n");
    for (String note : c.notes()) s.append("- ").append(escape(note)).append('\n');
    if (!c.notes().isEmpty()) s.append('\n');
    List<String> lines = TextRenderer.diffLines(c);
    if (lines.isEmpty()) {
      s.append(
          c.action() == Action.ADOPT
              ? "_No field changes: only cspctl's ownership marker is added._\n"
              : "_No field changes._\n");
    } else {
      s.append("```diff\n");
      for (String line : lines) s.append(line.replace("```", "`\u200b``")).append('\n');
      s.append("```\n");
    }
    s.append("\n</details>\n\n");
    return s.toString();
  }

  private static String escape(String s) {
    return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
