package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import dev.cspctl.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports a merge request shows: `show` renders every format from one saved plan (no API read),
 * the Terraform counts and Code Quality findings match GitLab's documented formats, and machine
 * formats keep stdout to the document alone.
 */
class ReportFormatsTest {
  @TempDir Path tmp;
  Map<String, String> env;

  @BeforeEach
  void sandboxInTemp() {
    env = CliHarness.sandboxEnv(tmp.resolve("sandbox.json"));
    env.put("CI_PROJECT_DIR", tmp.toString());
  }

  Run run(String... args) {
    return CliHarness.run(env, args);
  }

  @Test
  void everyFormatComesFromTheOneSavedPlanWithoutReadingAnApi() throws Exception {
    Path plan = tmp.resolve("plan.json");
    Run planned =
        run("plan", "--sandbox", "specs", "--out", plan.toString(), "--format", "markdown");
    assertThat(planned.exit()).as(planned.err()).isZero();
    // No sandbox, no credentials: show must not need either.
    Run md = run("show", plan.toString(), "--format", "markdown");
    assertThat(md.exit()).as(md.err()).isZero();
    assertThat(md.out()).isEqualTo(planned.out());

    Run gitlab = run("show", plan.toString(), "--format", "gitlab");
    JsonNode counts = GitLabFormats.assertValid("terraform.schema.json", gitlab.out());
    assertThat(counts.toString()).isEqualTo("{\"create\":9,\"update\":1,\"delete\":0}");

    Run json = run("show", plan.toString(), "--format", "json");
    ObjectNode saved = (ObjectNode) new ObjectMapper().readTree(plan.toFile());
    saved.remove("saved");
    assertThat(new ObjectMapper().readTree(json.out())).isEqualTo(saved);

    Run html = run("show", plan.toString(), "--format", "html");
    assertThat(html.out())
        .startsWith("<!DOCTYPE html>")
        .contains("<svg")
        .contains("Homepage hero by segment")
        .endsWith("</html>\n");
    Run text = run("show", plan.toString());
    assertThat(text.out()).contains("Plan: 9 to add, 1 to change, 0 to delete, 0 to adopt.");
    for (Run r : List.of(md, gitlab, json, html, text)) assertThat(r.err()).isEmpty();
  }

  @Test
  void planAndDriftWriteHtmlWithNothingElseOnStdout() {
    Run plan = run("plan", "--sandbox", "specs", "--format", "html");
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out())
        .startsWith("<!DOCTYPE html>")
        .endsWith("</html>\n")
        .contains("<title>cspctl plan</title>");
    Run drift =
        run(
            "drift",
            "--sandbox",
            "specs",
            "--format",
            "html",
            "--report",
            tmp.resolve("drift.html").toString());
    assertThat(drift.exit()).isEqualTo(2);
    assertThat(drift.out())
        .startsWith("<!DOCTYPE html>")
        .endsWith("</html>\n")
        .contains("<title>cspctl drift</title>");
    assertThat(drift.err()).contains("Drift found.");
    assertThat(tmp.resolve("drift.html")).content().isEqualTo(drift.out());
  }

  @Test
  void showRefusesWhatIsNotASavedPlanInOneLine() throws Exception {
    Run missing = run("show", tmp.resolve("nope.json").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err().lines())
        .hasSize(1)
        .first()
        .asString()
        .startsWith("error: ")
        .contains("nope.json");
    Path notPlan = Files.writeString(tmp.resolve("other.json"), "{\"a\":1}");
    Run other = run("show", notPlan.toString());
    assertThat(other.exit()).isEqualTo(1);
    assertThat(other.err()).contains("not a saved plan").doesNotContain("Exception");
  }

  /**
   * A plan saved by the cspctl before typed operations (no operations_version) is refused, not
   * half-read.
   */
  @Test
  void aPlanSavedByAnOlderCspctlIsRefusedInOneLineAndApplyWritesNothing() throws Exception {
    Path plan = tmp.resolve("plan.json");
    assertThat(run("plan", "--sandbox", "specs", "--out", plan.toString()).exit()).isZero();
    var root =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(plan.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("saved"))
        .remove("operations_version");
    Files.writeString(plan, root.toString());
    for (String command : new String[] {"show", "apply"}) {
      Run old =
          command.equals("show")
              ? run("show", plan.toString())
              : run("apply", "--sandbox", "--auto-approve", plan.toString());
      assertThat(old.exit()).as(command).isEqualTo(1);
      assertThat(old.err().lines())
          .as(command)
          .hasSize(1)
          .first()
          .asString()
          .contains("plan.json: the plan was made by an older cspctl")
          .contains("make a new plan");
    }
    assertThat(run("plan", "--sandbox", "specs", "--detailed-exitcode").exit())
        .as("nothing was applied")
        .isEqualTo(2);
  }

  @Test
  void codeQualityHasOneFindingPerErrorWithFileLineSeverityAndAStableFingerprint()
      throws Exception {
    Path specs = tmp.resolve("specs");
    TestFiles.copyTree(Path.of("specs"), specs);
    Path audiences = specs.resolve("audiences.yaml");
    String original = Files.readString(audiences);
    Files.writeString(
        audiences,
        original
            .replaceFirst("condition: greaterThan", "condition: biggerThan")
            .replaceFirst("kind: Audience", "kind: Audience\nfoo: 1"));
    Run broken = run("validate", specs.toString(), "--format", "codequality");
    assertThat(broken.exit()).isEqualTo(1);
    JsonNode findings = GitLabFormats.assertValid("codequality.schema.json", broken.out());
    assertThat(findings.size()).isGreaterThanOrEqualTo(2);
    List<String> fingerprints = new ArrayList<>();
    for (JsonNode f : findings) {
      assertThat(f.path("location").path("path").asText())
          .as("relative to CI_PROJECT_DIR")
          .isEqualTo("specs/audiences.yaml");
      assertThat(f.path("severity").asText()).isEqualTo("major");
      fingerprints.add(f.path("fingerprint").asText());
    }
    assertThat(fingerprints).doesNotHaveDuplicates();
    assertThat(broken.err()).contains("error: ").contains("errors found.");
    assertThat(broken.out()).doesNotContain("error:");

    // Two lines added above: the lines move, the fingerprints stay (GitLab shows no new finding).
    Files.writeString(audiences, "# a comment\n# another\n" + Files.readString(audiences));
    JsonNode moved =
        new ObjectMapper()
            .readTree(run("validate", specs.toString(), "--format", "codequality").out());
    List<String> movedPrints = new ArrayList<>();
    for (JsonNode f : moved) movedPrints.add(f.path("fingerprint").asText());
    assertThat(movedPrints).containsExactlyInAnyOrderElementsOf(fingerprints);
    assertThat(moved.get(0).path("location").path("lines").path("begin").asInt())
        .isEqualTo(findings.get(0).path("location").path("lines").path("begin").asInt() + 2);
  }

  @Test
  void codeQualityOfValidSpecsIsAnEmptyListOrWarnings() throws Exception {
    Run valid = run("validate", "specs", "--format", "codequality");
    assertThat(valid.exit()).isZero();
    assertThat(GitLabFormats.assertValid("codequality.schema.json", valid.out()).size()).isZero();
    assertThat(valid.err()).startsWith("Valid");

    Path specs = tmp.resolve("specs");
    TestFiles.copyTree(Path.of("specs"), specs);
    Files.writeString(
        specs.resolve("extra.yaml"),
        """
                                                   kind: Audience
                                                   name: Uses an undeclared attribute
                                                   rules:
                                                     - attribute: not_declared
                                                       condition: equals
                                                       value: x
                                                   """);
    Run warned = run("validate", specs.toString(), "--format", "codequality");
    assertThat(warned.exit()).as(warned.err()).isZero();
    JsonNode findings = GitLabFormats.assertValid("codequality.schema.json", warned.out());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).path("severity").asText()).isEqualTo("minor");
    assertThat(findings.get(0).path("check_name").asText())
        .isEqualTo("cspctl/unresolved-reference");
    assertThat(findings.get(0).path("location").path("path").asText()).endsWith("extra.yaml");
    Run strict = run("validate", specs.toString(), "--format", "codequality", "--strict");
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(strict.out()).get(0).path("severity").asText())
        .isEqualTo("major");
  }
}
