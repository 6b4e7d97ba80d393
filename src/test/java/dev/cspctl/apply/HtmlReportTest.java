package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanOptions;
import dev.cspctl.plan.Planner;
import dev.cspctl.plan.render.HtmlRenderer;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.state.LiveState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a big plan (the benchmark project on an empty live project: 101 changes, 1,000
 * entry variants): self-contained, every change and warning in it, a graph that stays one box per
 * step type per experience, and a size a browser opens at once. Writes the page to
 * target/html-report/ for {@link HtmlReportBrowserTest} and for a look by hand.
 */
class HtmlReportTest {
  static final LiveState EMPTY =
      new LiveState(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  @TempDir Path tmp;

  static Plan benchPlan(Path dir) {
    BenchProject p = BenchProject.defaults();
    assertThat(p.entryVariants()).isEqualTo(1000);
    Path specs = p.writeSpecs(dir.resolve("specs"), 0);
    return new Planner()
        .plan(new SpecLoader().load(specs), EMPTY, new PlanOptions(false, Set.of()));
  }

  static Path write(String name, String html) throws Exception {
    Path out = Path.of("target", "html-report", name);
    Files.createDirectories(out.getParent());
    Files.writeString(out, html);
    return out;
  }

  @Test
  void bigPlanIsOneSelfContainedPageWithEveryChangeAndAReadableGraph() throws Exception {
    Plan plan = benchPlan(tmp);
    assertThat(plan.changes()).hasSizeGreaterThanOrEqualTo(100);
    String html = new HtmlRenderer("cspctl plan").render(plan);
    Path file = write("bench-plan.html", html);
    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
    System.out.println(
        "HTML report: "
            + plan.changes().size()
            + " changes, "
            + plan.steps().size()
            + " steps, 1000 entry variants: "
            + bytes
            + " bytes ("
            + file
            + ")");

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("Content-Security-Policy")
        .contains("default-src 'none'");
    assertThat(html)
        .doesNotContainIgnoringCase("<script")
        .doesNotContain("<link")
        .doesNotContainIgnoringCase("@import")
        .doesNotContain("src=");
    assertThat(html.replace("http://www.w3.org/2000/svg", ""))
        .doesNotContain("http://")
        .doesNotContain("https://");
    assertThat(html).contains(plan.summary().line());
    for (var c : plan.changes()) assertThat(html).contains(">" + escape(c.key().name()) + "</a>");
    // One box per (lane, step type): 50 experience lanes, not one box per entry variant.
    int boxes = count(html, "<g class=\"step ");
    assertThat(boxes).isLessThan(600).isGreaterThan(50 * 5);
    assertThat(html)
        .contains("write entry variant \u00d720")
        .contains("data-type=\"PUBLISH_ENTRY_VARIANTS\"")
        .contains("data-type=\"ACTIVATE_VERSION\"");
    assertThat(count(html, "<li class=\"publish\">")).isEqualTo(50);
    assertThat(count(html, "<li class=\"activate\">")).isEqualTo(50);
    assertThat(bytes).as("a page a browser opens at once").isLessThan(3_000_000);
  }

  /**
   * 100 changes with little content each (one variant, one entry per experience): the size of a
   * typical big review.
   */
  @Test
  void aHundredChangesStayASmallPage() throws Exception {
    BenchProject p = new BenchProject(10, 10, 30, 50, 1, 1, false);
    Path specs = p.writeSpecs(tmp.resolve("hundred"), 0);
    Plan plan =
        new Planner().plan(new SpecLoader().load(specs), EMPTY, new PlanOptions(false, Set.of()));
    assertThat(plan.changes()).hasSizeBetween(100, 101);
    String html = new HtmlRenderer().render(plan);
    write("hundred-changes.html", html);
    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
    System.out.println(
        "HTML report: "
            + plan.changes().size()
            + " changes, "
            + plan.steps().size()
            + " steps, "
            + p.entryVariants()
            + " entry variants: "
            + bytes
            + " bytes");
    assertThat(bytes).isLessThan(600_000);
    assertThat(count(html, "<details class=\"change\"")).isEqualTo(plan.changes().size());
    assertThat(html).doesNotContain(" open>").as("big plans start with their diffs closed");
  }

  @Test
  void publishComesAfterTheUpsertsAndActivationAfterPublishingInTheGraphColumns() throws Exception {
    Plan plan = benchPlan(tmp);
    String svg = new HtmlRenderer().render(plan);
    int upsert = column(svg, "UPSERT_ENTRY_VARIANT");
    int publish = column(svg, "PUBLISH_ENTRY_VARIANTS");
    int activate = column(svg, "ACTIVATE_VERSION");
    assertThat(upsert).isLessThan(publish);
    assertThat(publish).isLessThan(activate);
  }

  @Test
  void textIsEscapedAndAnEmptyPlanSaysSo() {
    String html =
        new HtmlRenderer("cspctl drift <x>")
            .render(new Plan(List.of(), List.of(), 3, List.of("a <b>warning</b> & more")));
    assertThat(html)
        .contains("<title>cspctl drift &lt;x&gt;</title>")
        .contains("No changes.")
        .contains("a &lt;b&gt;warning&lt;/b&gt; &amp; more")
        .contains("3 unmanaged live resource(s) ignored")
        .doesNotContain("<svg");
  }

  /** The column number printed in the first box of a step type ("3 · publish ..."). */
  static int column(String html, String type) {
    Matcher m =
        Pattern.compile("data-type=\"" + type + "\"><rect[^>]*/><text[^>]*>(\\d+) ").matcher(html);
    assertThat(m.find()).as(type).isTrue();
    return Integer.parseInt(m.group(1));
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
    return n;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
