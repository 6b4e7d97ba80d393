package dev.cspctl.cli;

import dev.cspctl.plan.Plan;
import dev.cspctl.plan.render.GitlabRenderer;
import dev.cspctl.plan.render.HtmlRenderer;
import dev.cspctl.plan.render.JsonRenderer;
import dev.cspctl.plan.render.MarkdownRenderer;
import dev.cspctl.plan.render.TextRenderer;

/** {@code --format}: text, markdown, json, gitlab, html. */
enum OutputFormat {
  TEXT,
  MARKDOWN,
  JSON,
  GITLAB,
  HTML;

  String render(Plan plan, boolean color) {
    return render(plan, color, "cspctl plan", null);
  }

  /**
   * @param title the HTML report's heading (the other formats have their own)
   */
  String render(Plan plan, boolean color, String title) {
    return render(plan, color, title, null);
  }

  /**
   * @param title the HTML report's heading
   * @param madeFor the project, region and commit the plan was made for, for the formats that name
   *     them
   */
  String render(Plan plan, boolean color, String title, String madeFor) {
    return switch (this) {
      case TEXT -> new TextRenderer(color).render(plan);
      case MARKDOWN -> new MarkdownRenderer().render(plan, madeFor);
      case JSON -> new JsonRenderer().render(plan);
      case GITLAB -> new GitlabRenderer().render(plan);
      case HTML -> new HtmlRenderer(title).render(plan);
    };
  }

  /**
   * A format a program reads: stdout then holds only that document, every other message goes to
   * stderr.
   */
  boolean machine() {
    return this == JSON || this == GITLAB || this == HTML;
  }

  /** Colour only on a terminal, and never with NO_COLOR set. */
  static boolean color(java.util.Map<String, String> env) {
    return Terminal.interactive()
        && !env.containsKey("NO_COLOR")
        && !"dumb".equals(env.get("TERM"));
  }
}
