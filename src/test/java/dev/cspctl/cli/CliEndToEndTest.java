package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.api.personalize.AudienceInput;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.emulator.SandboxCredentials;
import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them, against the embedded sandbox (state in a temp folder). */
class CliEndToEndTest {
  @TempDir Path tmp;
  Map<String, String> env;

  @BeforeEach
  void sandboxInTemp() {
    env = CliHarness.sandboxEnv(tmp.resolve("sandbox.json"));
  }

  Run run(String... args) {
    return CliHarness.run(env, args);
  }

  /** A change made "in the UI": straight through the API against the saved sandbox state. */
  void editSandbox(java.util.function.Consumer<ContentstackClients> edit) {
    Path state = tmp.resolve("sandbox.json");
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().stateFile(state).build());
        ContentstackClients c =
            ContentstackClients.create(
                dev.cspctl.cli.Target.sandboxCredentials(),
                ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
                TransportConfig.defaults())) {
      edit.accept(c);
      emu.save(state);
    }
  }

  @Test
  void sandboxRoundTripWithDetailedExitCodesAndDrift() {
    Run before = run("plan", "--sandbox", "--detailed-exitcode", "specs");
    assertThat(before.exit()).as(before.err()).isEqualTo(2);
    assertThat(before.out()).contains("Plan: 9 to add, 1 to change, 0 to delete, 0 to adopt.");

    Run apply = run("apply", "--sandbox", "--auto-approve", "specs");
    assertThat(apply.exit()).as(apply.err()).isZero();
    assertThat(apply.out())
        .contains("[23/23] done")
        .contains("Apply complete: 23 done, 0 failed, 0 skipped")
        .contains("Resources: 9 added, 1 changed, 0 destroyed.")
        // the lines the README quotes
        .contains("[1/23] done: create attribute plan_tier (")
        .contains("[23/23] done: set the experience priority (2 experiences) (");
    // each progress line carries the number the plan listed that step under
    java.util.Map<String, String> listed = new java.util.HashMap<>();
    var planLine = java.util.regex.Pattern.compile("^\\s+(\\d+)\\. (.*)$");
    var progressLine =
        java.util.regex.Pattern.compile("^\\[(\\d+)/23\\] done: (.*) \\(\\d+ ms\\)$");
    apply
        .out()
        .lines()
        .map(planLine::matcher)
        .filter(java.util.regex.Matcher::matches)
        .forEach(m -> listed.put(m.group(1), m.group(2)));
    assertThat(listed).hasSize(23);
    long progress =
        apply
            .out()
            .lines()
            .map(progressLine::matcher)
            .filter(java.util.regex.Matcher::matches)
            .peek(m -> assertThat(m.group(2)).isEqualTo(listed.get(m.group(1))))
            .count();
    assertThat(progress).isEqualTo(23);
    assertThat(Files.exists(tmp.resolve("sandbox.json"))).isTrue();

    Run after = run("plan", "--sandbox", "--detailed-exitcode", "specs");
    assertThat(after.exit()).isZero();
    assertThat(after.out()).startsWith("No changes.");
    assertThat(run("drift", "--sandbox", "specs").exit()).isZero();

    editSandbox(
        c -> {
          var a =
              c.personalize().listAudiences().stream()
                  .filter(x -> x.name().equals("Frequent visitors"))
                  .findFirst()
                  .orElseThrow();
          c.personalize()
              .updateAudience(
                  a.uid(),
                  new AudienceInput(
                      a.name(), "changed by hand [managed by cspctl]", a.definition()));
        });
    Path report = tmp.resolve("drift.md");
    Run drift =
        run("drift", "--sandbox", "--format", "markdown", "--report", report.toString(), "specs");
    assertThat(drift.exit()).isEqualTo(2);
    assertThat(drift.out()).contains("Frequent visitors").contains("Drift found.");
    assertThat(report).content().contains("### cspctl plan").contains("Frequent visitors");
    assertThat(run("apply", "--sandbox", "--auto-approve", "specs").exit()).isZero();
    assertThat(run("drift", "--sandbox", "specs").exit()).isZero();
  }

  @Test
  void applyRefusesToRunUnattendedWithoutAutoApprove() {
    Run r = run("apply", "--sandbox", "specs");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("refusing to apply unattended").contains("--auto-approve");
    assertThat(run("plan", "--sandbox", "--detailed-exitcode", "specs").exit())
        .as("nothing was applied")
        .isEqualTo(2);
  }

  @Test
  void savedPlanAppliesOnceAndAStaleOneIsRefused() {
    Path plan = tmp.resolve("plan.json");
    assertThat(run("plan", "--sandbox", "--out", plan.toString(), "specs").exit()).isZero();
    Run applied = run("apply", "--sandbox", "--auto-approve", plan.toString());
    assertThat(applied.exit()).as(applied.err()).isZero();
    Run again = run("apply", "--sandbox", "--auto-approve", plan.toString());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("was already applied");

    Path second = tmp.resolve("second.json");
    Files.exists(second);
    editSandbox(
        c -> {
          var a =
              c.personalize().listAudiences().stream()
                  .filter(x -> x.name().equals("Mobile visitors"))
                  .findFirst()
                  .orElseThrow();
          c.personalize()
              .updateAudience(
                  a.uid(), new AudienceInput(a.name(), "v2 [managed by cspctl]", a.definition()));
        });
    assertThat(run("plan", "--sandbox", "--out", second.toString(), "specs").exit()).isZero();
    editSandbox(
        c -> {
          var a =
              c.personalize().listAudiences().stream()
                  .filter(x -> x.name().equals("Mobile visitors"))
                  .findFirst()
                  .orElseThrow();
          c.personalize()
              .updateAudience(
                  a.uid(), new AudienceInput(a.name(), "v3 [managed by cspctl]", a.definition()));
        });
    Run stale = run("apply", "--sandbox", "--auto-approve", second.toString());
    assertThat(stale.exit()).isEqualTo(1);
    assertThat(stale.err())
        .contains("the live project changed since")
        .contains("Audience/Mobile visitors changed");
  }

  @Test
  void missingCredentialsNameTheVariablesAndPointAtTheSandbox() {
    Run r = run("plan", "specs");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("CONTENTSTACK_AUTHTOKEN").contains("--sandbox");
    assertThat(r.err().lines().count()).isEqualTo(1);
  }

  @Test
  void noSecretInAnyOutputAtTheMostVerboseLevel() throws Exception {
    String authtoken = "blt-secret-authtoken-7f3a9c";
    String mgmt = "cs-secret-management-token-41d2";
    env.clear();
    env.put("CONTENTSTACK_AUTHTOKEN", authtoken);
    env.put("CONTENTSTACK_MANAGEMENT_TOKEN", mgmt);
    var accepted =
        new dev.cspctl.emulator.AcceptedCredentials(
            authtoken,
            null,
            mgmt,
            SandboxCredentials.API_KEY,
            SandboxCredentials.PROJECT_UID,
            null,
            null,
            null);
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().credentials(accepted).build())) {
      System.setErr(new PrintStream(logs, true));
      System.setOut(new PrintStream(logs, true));
      Path plan = tmp.resolve("secret-plan.json");
      String[] target = {"--personalize-url", emu.personalizeUrl(), "--cma-url", emu.cmaUrl()};
      Run p =
          run(
              concat(
                  new String[] {"plan", "-v", "--out", plan.toString()},
                  target,
                  new String[] {"specs"}));
      Run a =
          run(
              concat(
                  new String[] {"apply", "-v", "--auto-approve"}, target, new String[] {"specs"}));
      Run d =
          run(
              concat(
                  new String[] {"drift", "-v", "--format", "json"},
                  target,
                  new String[] {"specs"}));
      assertThat(p.exit()).as(p.err()).isZero();
      assertThat(a.exit()).as(a.err()).isZero();
      assertThat(d.exit()).isZero();
      String everything =
          p.out()
              + p.err()
              + a.out()
              + a.err()
              + d.out()
              + d.err()
              + logs.toString(StandardCharsets.UTF_8)
              + Files.readString(plan)
              + emu.stateDump()
              + emu.requestLog();
      assertThat(logs.toString(StandardCharsets.UTF_8)).contains("GET").contains("/experiences");
      assertThat(everything).doesNotContain(authtoken).doesNotContain(mgmt);
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
  }

  @Test
  void driftWithAMachineFormatKeepsStdoutToTheDocument() throws Exception {
    var strict =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    for (String format : new String[] {"json", "gitlab"}) {
      Run drift = run("drift", "--sandbox", "--format", format, "specs");
      assertThat(drift.exit()).as(drift.err()).isEqualTo(2);
      assertThat(strict.readTree(drift.out()).isObject()).isTrue();
      assertThat(drift.out()).doesNotContain("Drift found.");
      assertThat(drift.err()).contains("Drift found.");
    }
    Run text = run("drift", "--sandbox", "specs");
    assertThat(text.out()).contains("Drift found.");
  }

  @Test
  void aSavedPlanIsAppliedOnlyToTheTargetItWasMadeFor() throws Exception {
    Path plan = tmp.resolve("plan.json");
    Run made = run("plan", "--sandbox", "--out", plan.toString(), "specs");
    assertThat(made.exit()).as(made.err()).isZero();
    assertThat(made.err()).contains("apply it with: cspctl apply --sandbox " + plan);

    try (Emulator emu = Emulator.start(EmulatorConfig.builder().build())) {
      env.put("CONTENTSTACK_AUTHTOKEN", SandboxCredentials.AUTHTOKEN);
      env.put("CONTENTSTACK_MANAGEMENT_TOKEN", SandboxCredentials.MANAGEMENT_TOKEN);
      Run real =
          run(
              "apply",
              "--auto-approve",
              "--personalize-url",
              emu.personalizeUrl(),
              "--cma-url",
              emu.cmaUrl(),
              plan.toString());
      assertThat(real.exit()).isEqualTo(1);
      assertThat(real.err())
          .startsWith(
              "error: " + plan + " was made for another target (the plan is for the sandbox")
          .contains("Apply it with the flags it was planned with: cspctl apply --sandbox " + plan);
      assertThat(real.err().lines()).hasSize(1);
      assertThat(emu.stateDump()).doesNotContain("plan_tier");

      // made against one URL and project: another project, or another URL, is refused too
      Path urlPlan = tmp.resolve("url-plan.json");
      String[] target = {"--personalize-url", emu.personalizeUrl(), "--cma-url", emu.cmaUrl()};
      Run urlMade =
          run(
              concat(
                  new String[] {"plan", "--out", urlPlan.toString()},
                  target,
                  new String[] {"specs"}));
      assertThat(urlMade.exit()).as(urlMade.err()).isZero();
      assertThat(urlMade.err())
          .contains(
              "apply it with: cspctl apply --personalize-url "
                  + emu.personalizeUrl()
                  + " --cma-url "
                  + emu.cmaUrl()
                  + " "
                  + urlPlan);
      env.put("CONTENTSTACK_PERSONALIZE_PROJECT_UID", "65f0c0ffee0123456789ffff");
      Run otherProject =
          run(
              concat(
                  new String[] {"apply", "--auto-approve"},
                  target,
                  new String[] {urlPlan.toString()}));
      assertThat(otherProject.err())
          .contains("project 65f0c0ffee0123456789abcd in the plan, 65f0c0ffee0123456789ffff now");
      env.remove("CONTENTSTACK_PERSONALIZE_PROJECT_UID");
      Run otherUrl = run("apply", "--auto-approve", "--region", "eu", urlPlan.toString());
      assertThat(otherUrl.exit()).isEqualTo(1);
      assertThat(otherUrl.err())
          .contains(
              "Personalize URL "
                  + emu.personalizeUrl()
                  + " in the plan, "
                  + "https://eu-personalize-api.contentstack.com now");
      Run same =
          run(
              concat(
                  new String[] {"apply", "--auto-approve"},
                  target,
                  new String[] {urlPlan.toString()}));
      assertThat(same.exit()).as(same.err()).isZero();
    }
  }

  static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}
