package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanJson;
import dev.cspctl.plan.render.HtmlRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: Debian's Chromium, headless (installed by .ci/run in CI;
 * skipped with a notice where it is absent). Each page must load without a console error or
 * exception, request nothing but itself, and draw the step graph; the screenshots land in
 * target/html-report/ (docs/html-report.png is the examples' one, copied from there).
 */
class HtmlReportBrowserTest {
  static HeadlessChromium chromium;
  static Path profile;
  @TempDir static Path tmp;

  @BeforeAll
  static void start() throws Exception {
    Path binary = HeadlessChromium.find();
    if (binary == null) {
      System.err.println(
          "NOTICE: HtmlReportBrowserTest skipped: no chromium (apt-get install -y chromium, as .ci/run does in CI)");
    }
    Assumptions.assumeTrue(
        binary != null,
        "chromium is not installed (apt-get install -y chromium; .ci/run does it in CI)");
    // Chromium's helper processes may outlive it for a moment and write into its profile, so the
    // profile lives outside the JUnit temp folder (whose cleanup would then fail) and is removed
    // best-effort.
    profile = java.nio.file.Files.createTempDirectory("cspctl-chromium-");
    chromium = new HeadlessChromium(binary, profile, 1720, 1000);
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (profile != null) {
      try (var files = java.nio.file.Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        // best-effort: a helper process may still hold a file
      }
    }
  }

  static Plan examplesPlan() throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(
                Path.of("src/test/resources/plans/examples-on-empty-project/plan.json").toFile());
    return PlanJson.read(json);
  }

  @Test
  void theExamplesPlanLoadsCleanlyAndDrawsItsGraph() throws Exception {
    Plan plan = examplesPlan();
    Path page =
        HtmlReportTest.write("examples-plan.html", new HtmlRenderer("cspctl plan").render(plan))
            .toAbsolutePath();
    HeadlessChromium.PageLoad load = chromium.open(page);
    assertThat(load.consoleErrors()).isEmpty();
    assertThat(load.requests()).containsExactly(page.toUri().toString());
    assertDrawn(plan);
    byte[] png = chromium.screenshot(false);
    Files.write(page.resolveSibling("examples-plan.png"), png);
    JsonNode r =
        chromium.evaluate(
            "(() => { const b = document.getElementById('step-graph').getBoundingClientRect();"
                + " return {x: b.x, y: b.y, w: b.width, h: b.height}; })()");
    int[] graph = {
      r.path("x").asInt(), r.path("y").asInt(), r.path("w").asInt(), r.path("h").asInt()
    };
    // Inside the graph's own rectangle: the two publish and two activation boxes are painted.
    assertThat(pixels(png, 0xdbe8ff, graph)).as("publish boxes painted").isGreaterThan(2 * 2000);
    assertThat(pixels(png, 0xefe0ff, graph)).as("activate boxes painted").isGreaterThan(2 * 2000);
  }

  @Test
  void theThousandEntryVariantPlanLoadsCleanlyAndDrawsItsGraph() throws Exception {
    Plan plan = HtmlReportTest.benchPlan(tmp.resolve("bench"));
    Path page =
        HtmlReportTest.write("bench-plan.html", new HtmlRenderer("cspctl plan").render(plan))
            .toAbsolutePath();
    long started = System.nanoTime();
    HeadlessChromium.PageLoad load = chromium.open(page);
    long ms = (System.nanoTime() - started) / 1_000_000;
    System.out.println(
        "bench-plan.html (" + Files.size(page) + " bytes) loaded in Chromium in " + ms + " ms");
    assertThat(load.consoleErrors()).isEmpty();
    assertThat(load.requests()).containsExactly(page.toUri().toString());
    assertDrawn(plan);
    Files.write(page.resolveSibling("bench-plan.png"), chromium.screenshot(false));
  }

  /**
   * The check is real: a page that breaks the rules (an inline script, a remote image) is caught.
   */
  @Test
  void aPageWithAScriptOrARemoteResourceIsCaught() throws Exception {
    String clean = new HtmlRenderer().render(examplesPlan());
    String broken =
        clean.replace(
            "</body>",
            "<script>console.error('boom')</script><img src=\"https://example.invalid/x.png\"></body>");
    Path page = HtmlReportTest.write("control.html", broken).toAbsolutePath();
    HeadlessChromium.PageLoad load = chromium.open(page);
    assertThat(load.consoleErrors())
        .as("CSP refusals are console errors")
        .isNotEmpty()
        .anySatisfy(e -> assertThat(e).contains("Content Security Policy"));
    assertThat(String.join("\n", load.consoleErrors()))
        .doesNotContain("boom")
        .as("the inline script never ran");
  }

  private static void assertDrawn(Plan plan) throws Exception {
    JsonNode drawn =
        chromium.evaluate(
            "(() => { const svg = document.getElementById('step-graph'); const b = svg.getBBox();"
                + " return {boxes: svg.querySelectorAll('g.step').length, edges: svg.querySelectorAll('path.edge').length,"
                + " width: b.width, height: b.height,"
                + " painted: getComputedStyle(svg.querySelector('g.step rect')).fill,"
                + " changes: document.querySelectorAll('details.change').length}; })()");
    assertThat(drawn.path("boxes").asInt()).isGreaterThan(0);
    assertThat(drawn.path("edges").asInt()).isGreaterThan(0);
    assertThat(drawn.path("width").asDouble()).isGreaterThan(500);
    assertThat(drawn.path("height").asDouble()).isGreaterThan(100);
    assertThat(drawn.path("painted").asText())
        .startsWith("rgb(")
        .isNotEqualTo("rgb(0, 0, 0)")
        .as("the stylesheet applied");
    assertThat(drawn.path("changes").asInt()).isEqualTo(plan.changes().size());
  }

  /** Pixels of exactly this colour within the rectangle {x, y, width, height} of the screenshot. */
  static int pixels(byte[] png, int rgb, int[] rect) throws Exception {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    int n = 0;
    for (int y = Math.max(0, rect[1]); y < Math.min(img.getHeight(), rect[1] + rect[3]); y++) {
      for (int x = Math.max(0, rect[0]); x < Math.min(img.getWidth(), rect[0] + rect[2]); x++) {
        if ((img.getRGB(x, y) & 0xffffff) == rgb) n++;
      }
    }
    return n;
  }
}
