package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import dev.cspctl.testing.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code cspctl test}: the examples pass; a failure explains itself in text, JUnit XML and JSON; a
 * visitor can be explored.
 */
class TestCommandTest {
  @TempDir Path tmp;

  static Run run(String... args) {
    return CliHarness.run(Map.of(), args);
  }

  /** The example specs plus one failing test. */
  Path failing() throws IOException {
    Path specs = tmp.resolve("specs");
    TestFiles.copyTree(Path.of("specs"), specs);
    Files.writeString(
        specs.resolve("broken.yaml"),
        """
        kind: VisitorTest
        name: Basic plan on a phone sees the premium hero
        visitor:
          attributes: {plan_tier: basic}
          country: US
          device: MOBILE
        expect:
          Homepage hero by segment: Premium
        """);
    return specs;
  }

  @Test
  void theExamplesPass() {
    Run r = run("test", "specs");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "PASS  Premium US shopper on a phone sees the premium hero  (specs/visitor-tests.yaml:3)")
        .endsWith("Visitor tests: 5 passed, 0 failed, 0 not evaluable.\n");
  }

  @Test
  void aFailureExitsOneWithTheReasonAndTheTrace() throws IOException {
    Run r = run("test", failing().toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("FAIL  Basic plan on a phone sees the premium hero")
        .contains(
            "Homepage hero by segment: expected Premium, got Mobile, because 'Premium shoppers' failed:"
                + " plan_tier is \"basic\", rule wants equals \"premium\"; Lytics audience 0123456789abcdef0123456789abcdef:"
                + " the visitor is not a member")
        .contains("- variant 'Premium' (any)")
        .contains("+ variant 'Mobile'")
        .contains("Visitor tests: 5 passed, 1 failed, 0 not evaluable.");
  }

  @Test
  void junitIsWellFormedXmlWithOneTestcasePerTestAndAFailure() throws Exception {
    Run r = run("test", failing().toString(), "--format", "junit");
    assertThat(r.exit()).isEqualTo(1);
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    Element suites = doc.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    assertThat(suites.getAttribute("tests")).isEqualTo("6");
    assertThat(suites.getAttribute("failures")).isEqualTo("1");
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(6);
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .startsWith("Homepage hero by segment: expected Premium, got Mobile");
    assertThat(((Element) failure.getParentNode()).getAttribute("classname"))
        .endsWith("broken.yaml");
    assertThat(r.err()).contains("Visitor tests: 5 passed, 1 failed");
  }

  @Test
  void reportWritesTheFormatToTheFileAndTheTextToStdout() throws Exception {
    Path report = tmp.resolve("out/visitor-tests.xml");
    Run r = run("test", "specs", "--format", "junit", "--report", report.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("PASS  ");
    assertThat(report)
        .content()
        .startsWith("<?xml")
        .contains("tests=\"5\" failures=\"0\" errors=\"0\"");
  }

  @Test
  void jsonIsVersionedWithEveryTestAndTheAssumptions() throws IOException {
    Run r =
        run(
            "test",
            failing().toString(),
            "--format",
            "json",
            "--only",
            "Basic plan on a phone sees the premium hero");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("format_version").asText()).isEqualTo("1");
    assertThat(json.path("tests")).hasSize(1);
    assertThat(json.at("/tests/0/status").asText()).isEqualTo("fail");
    assertThat(json.at("/tests/0/experiences/0/variant").asText()).isEqualTo("Mobile");
    assertThat(json.at("/tests/0/applied")).hasSize(2);
    assertThat(json.path("assumptions").size()).isGreaterThan(5);
  }

  @Test
  void onlyNamesATestAndAnUnknownNameIsAnError() {
    Run r = run("test", "specs", "--only", "Anonymous desktop visitor sees only the checkout test");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines().filter(l -> l.startsWith("PASS"))).hasSize(1);
    Run bad = run("test", "specs", "--only", "Anonymous desktop visitor");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err())
        .startsWith("error: --only Anonymous desktop visitor: no visitor test has this name");
  }

  @Test
  void aVisitorInlineOrFromAFileShowsWhatTheyWouldSee() throws IOException {
    Run inline = run("test", "specs", "--visitor", "{device: MOBILE, attributes: {visits: 9}}");
    assertThat(inline.exit()).as(inline.err()).isZero();
    assertThat(inline.out())
        .contains("Homepage hero by segment: Mobile")
        .contains("Checkout CTA test: in the A/B test")
        .contains("applied (at most 3): [Homepage hero by segment, Checkout CTA test]");
    Path file = tmp.resolve("visitor.yaml");
    Files.writeString(file, "lyticsAudiences: [0123456789abcdef0123456789abcdef]\n");
    Run fromFile = run("test", "specs", "--visitor", file.toString(), "--format", "json");
    assertThat(new ObjectMapper().readTree(fromFile.out()).at("/experiences/0/variant").asText())
        .isEqualTo("Premium");
  }

  @Test
  void aBadVisitorIsOneLineNamingWhere() throws IOException {
    Path file = tmp.resolve("visitor.yaml");
    Files.writeString(file, "device: MOBILE\ncontry: US\n");
    Run r = run("test", "specs", "--visitor", file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "error: " + file + ":2:1: contry: unknown field 'contry' (did you mean 'country'?)")
        .doesNotContain("Exception");
    Run missing = run("test", "specs", "--visitor", "nowhere.yaml");
    assertThat(missing.err()).startsWith("error: --visitor nowhere.yaml: no such file");
    Run junit = run("test", "specs", "--visitor", "{}", "--format", "junit");
    assertThat(junit.exit()).isEqualTo(1);
  }
}
