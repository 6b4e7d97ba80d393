package dev.cspctl.plan.render;

import dev.cspctl.plan.Change;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.Step;
import dev.cspctl.plan.StepType;
import java.util.List;

/**
 * One self-contained HTML page for a plan or a drift report: the summary, warnings, the step graph
 * as inline SVG, the publish and activation order, and every change's diff. No scripts and no
 * external resources: a Content-Security-Policy of {@code default-src 'none'} makes the browser
 * refuse any that slipped in.
 */
public final class HtmlRenderer {
  private final String title;

  /**
   * @param title "cspctl plan" or "cspctl drift", plus the target when there is one
   */
  public HtmlRenderer(String title) {
    this.title = title;
  }

  public HtmlRenderer() {
    this("cspctl plan");
  }

  public String render(Plan plan) {
    StringBuilder h = new StringBuilder(8192 + plan.steps().size() * 300);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    summary(h, plan);
    warnings(h, plan);
    if (!plan.isEmpty()) {
      h.append(
              "<h2 id=\"graph\">Steps apply will run</h2>\n<p class=\"hint\">One row per experience (and one per other kind), ")
          .append("columns in the order apply runs them; ")
          .append(
              "<span class=\"key publish\">publish</span> and <span class=\"key activate\">activate</span> ")
          .append("are marked. Hover a box for its steps.</p>\n<div class=\"graph\">")
          .append(new StepGraphSvg().render(plan.steps()))
          .append("</div>\n");
      order(h, plan.steps());
      changes(h, plan.changes());
      allSteps(h, plan.steps());
    }
    h.append(
        "<footer>Made by cspctl. This page loads nothing from the network.</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void summary(StringBuilder h, Plan plan) {
    Plan.Summary s = plan.summary();
    h.append("<section id=\"summary\"><p class=\"summary\">")
        .append(badge("add", s.add(), "to add"))
        .append(badge("change", s.change(), "to change"))
        .append(badge("delete", s.delete(), "to delete"))
        .append(badge("adopt", s.adopt(), "to adopt"))
        .append("</p>\n<p>")
        .append(Html.escape(plan.summary().line()))
        .append(" ")
        .append(plan.steps().size())
        .append(" API steps.");
    if (plan.unmanagedIgnored() > 0)
      h.append(" ").append(plan.unmanagedIgnored()).append(" unmanaged live resource(s) ignored.");
    h.append("</p>\n");
    if (plan.isEmpty())
      h.append("<p class=\"empty\">No changes. The live project matches the specs.</p>\n");
    h.append("</section>\n");
  }

  private static String badge(String cls, long n, String what) {
    return "<span class=\"badge " + cls + "\"><b>" + n + "</b> " + what + "</span> ";
  }

  private static void warnings(StringBuilder h, Plan plan) {
    if (plan.warnings().isEmpty()) return;
    h.append("<section id=\"warnings\"><h2>Warnings</h2><ul>\n");
    for (String w : plan.warnings())
      h.append("<li class=\"warning\">").append(Html.escape(w)).append("</li>\n");
    h.append("</ul></section>\n");
  }

  /** Where content goes live: publishing and activation, in apply order. */
  private static void order(StringBuilder h, List<Step> steps) {
    List<Step> live =
        steps.stream()
            .filter(
                s ->
                    s.type() == StepType.PUBLISH_ENTRY_VARIANTS
                        || s.type() == StepType.ACTIVATE_VERSION
                        || s.type() == StepType.SET_PRIORITY)
            .toList();
    if (live.isEmpty()) return;
    h.append("<h2 id=\"order\">Publish and activation order</h2>\n<ol class=\"order\">\n");
    for (Step s : live) {
      h.append("<li class=\"")
          .append(StepGraphSvg.cssClass(s.type()))
          .append("\">")
          .append(Html.escape(s.description()))
          .append("</li>\n");
    }
    h.append("</ol>\n");
  }

  private static void changes(StringBuilder h, List<Change> changes) {
    h.append("<h2 id=\"changes\">Changes (")
        .append(changes.size())
        .append(")</h2>\n<table class=\"changes\">")
        .append(
            "<thead><tr><th></th><th>Kind</th><th>Name</th><th>Action</th><th>Fields</th></tr></thead><tbody>\n");
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      h.append("<tr><td class=\"sym ")
          .append(c.action().verb())
          .append("\">")
          .append(Html.escape(c.action().symbol()))
          .append("</td><td>")
          .append(c.key().kind().yamlName())
          .append("</td><td><a href=\"#c")
          .append(i)
          .append("\">")
          .append(Html.escape(c.key().name()))
          .append("</a></td><td>")
          .append(c.action().verb())
          .append("</td><td>")
          .append(
              c.before() == null || c.after() == null ? "all" : String.valueOf(c.diffs().size()))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      // Small plans open every diff; big ones start closed so the page stays readable.
      h.append("<details class=\"change\" id=\"c")
          .append(i)
          .append('"')
          .append(changes.size() <= 20 ? " open" : "")
          .append("><summary><code class=\"sym ")
          .append(c.action().verb())
          .append("\">")
          .append(Html.escape(c.action().symbol()))
          .append("</code> ")
          .append(c.key().kind().yamlName())
          .append(" <b>")
          .append(Html.escape(c.key().name()))
          .append("</b> will be ")
          .append(TextRenderer.past(c.action()))
          .append("</summary>\n");
      if (!c.notes().isEmpty()) {
        h.append("<ul class=\"notes\">");
        for (String n : c.notes()) h.append("<li>").append(Html.escape(n)).append("</li>");
        h.append("</ul>\n");
      }
      h.append("<pre class=\"diff\">");
      for (String line : TextRenderer.diffLines(c)) {
        String cls = diffClass(line);
        if (cls == null) h.append(Html.escape(line)).append('\n');
        else
          h.append("<span class=\"")
              .append(cls)
              .append("\">")
              .append(Html.escape(line))
              .append("</span>\n");
      }
      h.append("</pre></details>\n");
    }
  }

  private static String diffClass(String line) {
    if (line.startsWith("+ ")) return "add";
    if (line.startsWith("- ")) return "del";
    if (line.startsWith("@@")) return "hunk";
    return null;
  }

  private static void allSteps(StringBuilder h, List<Step> steps) {
    h.append("<details id=\"steps\"><summary>All ")
        .append(steps.size())
        .append(" steps in apply order</summary>\n<ol class=\"steps\">\n");
    for (Step s : steps) {
      h.append("<li><code>")
          .append(StepGraphSvg.label(s.type()))
          .append("</code> ")
          .append(Html.escape(s.description()))
          .append("</li>\n");
    }
    h.append("</ol></details>\n");
  }

  private static final String CSS =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1680px;\
      padding:0 16px;color:#1f2430;background:#fff}
      h1{font-size:22px;margin:0 0 12px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e3e6ec;padding-bottom:4px}
      .summary .badge{display:inline-block;padding:4px 10px;border-radius:12px;margin-right:6px;background:#eef0f4}
      .badge.add{background:#ddf4e4}.badge.change{background:#fff1cc}.badge.delete{background:#fde2e1}.badge.adopt{background:#e3ecfd}
      .empty{color:#2b7a3d;font-weight:600}.hint{color:#5b6373;margin:4px 0 8px}
      .warning{background:#fff7e0;border-left:4px solid #e0a800;padding:6px 10px;margin:4px 0;list-style:none}
      .graph{overflow:auto;border:1px solid #e3e6ec;border-radius:6px;max-height:80vh}
      svg text{font:12px system-ui,sans-serif;fill:#1f2430}svg .col{fill:#8a94a6;font-size:11px}
      svg .lane{fill:#f6f7f9}svg .lane-label{font-weight:600}
      svg .edge{fill:none;stroke:#8a94a6;stroke-width:1.2}
      svg .step rect{stroke-width:1.5}
      svg .create rect{fill:#ddf4e4;stroke:#2b7a3d}svg .update rect{fill:#fff6dd;stroke:#b7860b}
      svg .delete rect{fill:#fde2e1;stroke:#b3261e}svg .publish rect{fill:#dbe8ff;stroke:#1f5fbf;stroke-width:2.5}
      svg .activate rect{fill:#efe0ff;stroke:#6b2fbf;stroke-width:2.5}
      .key{padding:1px 6px;border-radius:4px}.key.publish{background:#dbe8ff}.key.activate{background:#efe0ff}
      ol.order li.publish::marker{color:#1f5fbf}ol.order li.activate::marker{color:#6b2fbf}
      table.changes{border-collapse:collapse;width:100%}table.changes th,table.changes td{text-align:left;padding:3px 8px;\
      border-bottom:1px solid #eef0f4}
      .sym{font-family:ui-monospace,monospace;font-weight:700}.sym.create{color:#2b7a3d}.sym.delete{color:#b3261e}
      .sym.update,.sym.rename,.sym.replace{color:#b7860b}.sym.adopt{color:#1f5fbf}
      details.change{border:1px solid #e3e6ec;border-radius:6px;margin:8px 0;padding:4px 10px}
      details summary{cursor:pointer}
      pre.diff{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;overflow:auto;background:#fafbfc;padding:8px;margin:6px 0}
      pre .add{color:#1d6b32}pre .del{color:#b3261e}pre .hunk{color:#1f7a8c}
      ol.steps{font-size:12px}footer{margin:32px 0 8px;color:#8a94a6;font-size:12px}
      """;
}
