package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cspctl.emulator.AcceptedCredentials;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.emulator.RequestLog;
import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import dev.cspctl.testing.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/two-targets: one spec folder, two Personalize projects, each served by its own emulator
 * that accepts only that target's credentials. Each target is planned and applied on its own; the
 * other emulator sees no request; the EU target's entry uid is mapped; decoy unsuffixed project
 * variables are ignored for a named target.
 */
class TwoTargetsTest {
  static final Path EXAMPLE = Path.of("examples/two-targets");
  static final String US_TOKEN = "us-authtoken-secret-value";
  static final String EU_TOKEN = "eu-authtoken-secret-value";

  @TempDir Path tmp;
  Emulator us;
  Emulator eu;
  Map<String, String> env = new HashMap<>();

  @BeforeEach
  void twoEmulators() {
    us =
        Emulator.start(
            EmulatorConfig.builder()
                .cmsDelayMs(20)
                .credentials(
                    new AcceptedCredentials(
                        US_TOKEN,
                        null,
                        "us-mgmt-secret",
                        "bltus00000000000001",
                        "65f0c0ffee0123456789a001",
                        null,
                        null,
                        null))
                .build());
    eu =
        Emulator.start(
            EmulatorConfig.builder()
                .cmsDelayMs(20)
                .credentials(
                    new AcceptedCredentials(
                        EU_TOKEN,
                        null,
                        "eu-mgmt-secret",
                        "blteu00000000000001",
                        "65f0c0ffee0123456789e001",
                        null,
                        null,
                        null))
                .build());
    eu.ensureStackSettings(List.of("production-eu"), List.of()); // the EU stack's environment
    env.put("CONTENTSTACK_AUTHTOKEN__US", US_TOKEN);
    env.put("CONTENTSTACK_MANAGEMENT_TOKEN__US", "us-mgmt-secret");
    env.put("CSPCTL_PERSONALIZE_URL__US", us.personalizeUrl());
    env.put("CSPCTL_CMA_URL__US", us.cmaUrl());
    env.put("CONTENTSTACK_AUTHTOKEN__EU", EU_TOKEN);
    env.put("CONTENTSTACK_MANAGEMENT_TOKEN__EU", "eu-mgmt-secret");
    env.put("CSPCTL_PERSONALIZE_URL__EU", eu.personalizeUrl());
    env.put("CSPCTL_CMA_URL__EU", eu.cmaUrl());
    // Meant for a default target: a named target must not pick these up.
    env.put("CONTENTSTACK_API_KEY", "bltdecoy000000000001");
    env.put("CONTENTSTACK_PERSONALIZE_PROJECT_UID", "65f0c0ffee0123456789dec0");
  }

  @AfterEach
  void stop() {
    us.close();
    eu.close();
  }

  Run run(String... args) {
    Run r = CliHarness.run(env, args);
    assertThat(r.out() + r.err())
        .doesNotContain(US_TOKEN)
        .doesNotContain(EU_TOKEN)
        .doesNotContain("mgmt-secret");
    return r;
  }

  static List<String> upsertEntries(JsonNode plan) {
    List<String> entries = new ArrayList<>();
    for (JsonNode s : plan.path("steps")) {
      if (s.path("type").asText().equals("UPSERT_ENTRY_VARIANT"))
        entries.add(s.path("args").path("entry").asText());
    }
    return entries;
  }

  static List<String> publishEnvironments(JsonNode plan) {
    List<String> envs = new ArrayList<>();
    for (JsonNode s : plan.path("steps")) {
      if (s.path("type").asText().equals("PUBLISH_ENTRY_VARIANTS"))
        s.path("args").path("environments").forEach(e -> envs.add(e.asText()));
    }
    return envs;
  }

  @Test
  void eachTargetIsPlannedAndAppliedOnItsOwnProjectOnly() throws Exception {
    Path usPlan = tmp.resolve("us/plan.json");
    Run planUs = run("plan", EXAMPLE.toString(), "--target", "us", "--out", usPlan.toString());
    assertThat(planUs.exit()).as(planUs.err()).isZero();
    assertThat(planUs.out()).contains("Plan: 9 to add, 1 to change, 0 to delete, 0 to adopt.");
    assertThat(eu.requestLog()).as("planning us never reaches eu").isEmpty();
    int usReads = us.requestLog().size();
    assertThat(usReads).isPositive();
    assertThat(us.requestLog()).extracting(RequestLog.Entry::status).allMatch(s -> s < 400);

    env.put("CSPCTL_TARGET", "eu");
    Path euPlan = tmp.resolve("eu/plan.json");
    Run planEu = run("plan", EXAMPLE.toString(), "--out", euPlan.toString());
    env.remove("CSPCTL_TARGET");
    assertThat(planEu.exit()).as(planEu.err()).isZero();
    assertThat(us.requestLog()).as("planning eu never reaches us").hasSize(usReads);
    assertThat(eu.requestLog())
        .isNotEmpty()
        .extracting(RequestLog.Entry::status)
        .allMatch(s -> s < 400);

    ObjectMapper m = new ObjectMapper();
    JsonNode usJson = m.readTree(usPlan.toFile());
    JsonNode euJson = m.readTree(euPlan.toFile());
    assertThat(usJson.path("saved").path("target").path("name").asText()).isEqualTo("us");
    assertThat(usJson.path("saved").path("target").path("project").asText())
        .isEqualTo("65f0c0ffee0123456789a001");
    assertThat(euJson.path("saved").path("target").path("name").asText()).isEqualTo("eu");
    assertThat(euJson.path("saved").path("target").path("owner").asText()).isEqualTo("eu-web-team");
    assertThat(euJson.path("saved").path("target").path("stack").asText())
        .isEqualTo("blteu00000000000001");
    assertThat(upsertEntries(usJson)).containsOnly("blt0123456789abcdef");
    assertThat(upsertEntries(euJson))
        .as("entries: mapping of the eu target")
        .containsOnly("blt1111111111111111");
    assertThat(publishEnvironments(usJson)).containsOnly("production");
    assertThat(publishEnvironments(euJson)).containsOnly("production-eu");

    // A plan goes to the target it was made for, and refuses another.
    Run wrong = run("apply", "--auto-approve", euPlan.toString(), "--target", "us");
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.err()).contains("was made for target 'eu', not 'us'");

    int usBefore = us.requestLog().size();
    Run applyEu = run("apply", "--auto-approve", euPlan.toString());
    assertThat(applyEu.exit()).as(applyEu.out() + applyEu.err()).isZero();
    assertThat(us.requestLog()).as("applying eu never reaches us").hasSize(usBefore);

    Run euAgain = run("plan", EXAMPLE.toString(), "--target", "eu", "--detailed-exitcode");
    assertThat(euAgain.exit()).as(euAgain.out()).isZero();
    Run usAgain = run("plan", EXAMPLE.toString(), "--target", "us", "--detailed-exitcode");
    assertThat(usAgain.exit()).as("us is untouched by the eu apply").isEqualTo(2);
    assertThat(usAgain.out()).contains("Plan: 9 to add, 1 to change, 0 to delete, 0 to adopt.");

    Run html = run("show", euPlan.toString(), "--format", "html");
    assertThat(html.out()).contains("<title>cspctl plan: eu</title>");
  }

  @Test
  void anUndeclaredOrMissingTargetIsOneClearLine() {
    Run none = run("plan", EXAMPLE.toString());
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err().strip())
        .isEqualTo(
            "error: cspctl.yaml declares targets (eu, us); choose one with --target NAME or CSPCTL_TARGET");

    Run typo = run("plan", EXAMPLE.toString(), "--target", "euu");
    assertThat(typo.exit()).isEqualTo(1);
    assertThat(typo.err())
        .contains("target 'euu' (--target or CSPCTL_TARGET) is not declared under targets")
        .contains("did you mean 'eu'")
        .contains("declared: eu, us")
        .doesNotContain("Exception");

    env.remove("CONTENTSTACK_AUTHTOKEN__EU");
    Run noToken = run("plan", EXAMPLE.toString(), "--target", "eu");
    assertThat(noToken.exit()).isEqualTo(1);
    assertThat(noToken.err())
        .startsWith("error: target 'eu': ")
        .contains("CONTENTSTACK_AUTHTOKEN__EU");
    assertThat(noToken.err().lines()).hasSize(1);
  }

  @Test
  void validateChecksATargetsEntryMapping() throws Exception {
    Path specs = tmp.resolve("specs");
    TestFiles.copyTree(EXAMPLE, specs);
    assertThat(run("validate", specs.toString(), "--target", "eu").exit()).isZero();
    java.nio.file.Files.writeString(
        specs.resolve("cspctl.yaml"),
        java.nio.file.Files.readString(specs.resolve("cspctl.yaml"))
            .replace(
                "blt0123456789abcdef: blt1111111111111111",
                "blt0123456789abcdee: blt1111111111111111"));
    Run bad = run("validate", specs.toString(), "--target", "eu");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err())
        .contains("cspctl.yaml:")
        .contains("targets.eu.entries.blt0123456789abcdee")
        .contains("no experience writes content to entry blt0123456789abcdee");
  }
}
