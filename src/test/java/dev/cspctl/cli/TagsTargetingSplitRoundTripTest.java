package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.api.personalize.ExperienceInput;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experience tags, the A/B target group and the split mode through the commands: validate, apply,
 * plan (no changes), drift, export, plan of the export (adoption of nothing: no changes), and what
 * a change of each one plans.
 */
class TagsTargetingSplitRoundTripTest {
  @TempDir Path tmp;
  Map<String, String> env;
  Path specs;

  @BeforeEach
  void sandbox() throws Exception {
    env = new HashMap<>();
    env.put("CSPCTL_SANDBOX_STATE", tmp.resolve("sandbox.json").toString());
    env.put("CSPCTL_SANDBOX_CMS_DELAY_MS", "0");
    specs = tmp.resolve("specs");
    Files.createDirectories(specs.resolve("experiences"));
    Files.writeString(
        specs.resolve("cspctl.yaml"),
        """
        project: 65f0c0ffee0123456789abcd
        stack: blt0123456789abcdef
        publish:
          environments: [production]
          locales: [en-us]
        """);
    Files.writeString(
        specs.resolve("audiences.yaml"),
        """
        kind: Audience
        name: Mobile visitors
        rules:
          - preset: DEVICE_TYPE
            condition: equals
            value: MOBILE
        ---
        kind: Audience
        name: US visitors
        rules:
          - preset: COUNTRY
            condition: equals
            value: US
        """);
    Files.writeString(
        specs.resolve("experiences/checkout.yaml"),
        """
        kind: Experience
        name: Checkout CTA test
        type: abTest
        status: active
        tags: [Checkout, q4-campaign, checkout, "team:web"]
        audiences: [Mobile visitors, US visitors]
        match: all
        variants:
          - name: Control
          - name: Bold
          - name: Green
        """);
    Files.writeString(
        specs.resolve("experiences/banner.yaml"),
        """
        kind: Experience
        name: Banner test
        type: abTest
        variants:
          - name: Control
            traffic: 70
          - name: Bold
            traffic: 30
        """);
  }

  Run run(String... args) {
    return CliHarness.run(env, args);
  }

  @Test
  void tagsTargetGroupAndSplitModeRoundTripThroughApplyExportAndPlan() throws Exception {
    Run apply = run("apply", "--sandbox", "--auto-approve", specs.toString());
    assertThat(apply.exit()).as(apply.err() + apply.out()).isZero();
    Run after = run("plan", "--sandbox", "--detailed-exitcode", specs.toString());
    assertThat(after.exit()).as(after.out()).isZero();
    assertThat(run("drift", "--sandbox", specs.toString()).exit()).isZero();

    String live = liveState();
    assertThat(live)
        .contains("\"tags\" : [ \"checkout\", \"q4-campaign\", \"team:web\" ]")
        .contains("\"variantSplit\" : \"EQUALLY_SPLIT\"")
        .contains("\"audienceCombinationType\" : \"AND\"")
        .contains("\"variantSplit\" : \"CUSTOM_SPLIT\"");
    assertThat(live)
        .contains("\"trafficDistribution\" : 34")
        .contains("\"trafficDistribution\" : 33");

    Path exported = tmp.resolve("exported");
    Run export = run("export", "--sandbox", "--out", exported.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    String checkout = Files.readString(exported.resolve("experiences/checkout-cta-test.yaml"));
    assertThat(checkout)
        .contains("tags:\n  - checkout\n  - q4-campaign\n  - \"team:web\"\n")
        .contains("audiences: [Mobile visitors, US visitors]")
        .contains("match: all")
        .contains("equal split")
        .doesNotContain("traffic:");
    assertThat(Files.readString(exported.resolve("experiences/banner-test.yaml")))
        .contains("traffic: 70")
        .contains("traffic: 30")
        .doesNotContain("tags:")
        .doesNotContain("match: ");
    Run planExport = run("plan", "--sandbox", "--detailed-exitcode", exported.toString());
    assertThat(planExport.exit()).as(planExport.out()).isZero();
  }

  @Test
  void aTagChangeIsAnExperienceUpdateWithoutANewVersion() throws Exception {
    assertThat(run("apply", "--sandbox", "--auto-approve", specs.toString()).exit()).isZero();
    Files.writeString(
        specs.resolve("experiences/checkout.yaml"),
        Files.readString(specs.resolve("experiences/checkout.yaml"))
            .replace("tags: [Checkout, q4-campaign, checkout, \"team:web\"]", "tags: [checkout]"));
    Run plan = run("plan", "--sandbox", "--format", "json", specs.toString());
    assertThat(plan.out())
        .contains("\"UPDATE_EXPERIENCE\"")
        .doesNotContain("CONFIGURE_VERSION")
        .doesNotContain("PAUSE_VERSION");
    assertThat(run("apply", "--sandbox", "--auto-approve", specs.toString()).exit()).isZero();
    assertThat(liveState()).contains("\"tags\" : [ \"checkout\" ]");
    assertThat(run("plan", "--sandbox", "--detailed-exitcode", specs.toString()).exit()).isZero();
  }

  @Test
  void aTargetGroupOrSplitChangeIsANewVersionAndTagsSetInTheUiAreDrift() throws Exception {
    assertThat(run("apply", "--sandbox", "--auto-approve", specs.toString()).exit()).isZero();
    Files.writeString(
        specs.resolve("experiences/checkout.yaml"),
        Files.readString(specs.resolve("experiences/checkout.yaml"))
            .replace("audiences: [Mobile visitors, US visitors]\nmatch: all\n", "")
            .replace(
                "  - name: Control\n  - name: Bold\n  - name: Green\n",
                "  - name: Control\n    traffic: 50\n  - name: Bold\n    traffic: 25\n  - name: Green\n    traffic: 25\n"));
    Run plan = run("plan", "--sandbox", specs.toString());
    assertThat(plan.out())
        .contains("Checkout CTA test")
        .contains("- audiences")
        .contains("- split: equal")
        .contains("+     traffic: 50");
    Run apply = run("apply", "--sandbox", "--auto-approve", specs.toString());
    assertThat(apply.exit()).as(apply.err() + apply.out()).isZero();
    assertThat(run("plan", "--sandbox", "--detailed-exitcode", specs.toString()).exit()).isZero();

    editSandbox(
        c -> {
          var e =
              c.personalize().listExperiences().stream()
                  .filter(x -> x.name().equals("Banner test"))
                  .findFirst()
                  .orElseThrow();
          c.personalize()
              .updateExperience(
                  e.uid(),
                  new ExperienceInput(e.name(), e.description(), e.type(), List.of("Set-In-UI")));
        });
    Run drift = run("drift", "--sandbox", specs.toString());
    assertThat(drift.exit()).isEqualTo(2);
    assertThat(drift.out()).contains("Banner test").contains("set-in-ui");
    assertThat(run("apply", "--sandbox", "--auto-approve", specs.toString()).exit()).isZero();
    assertThat(run("drift", "--sandbox", specs.toString()).exit()).isZero();
  }

  @Test
  void badTagsTrafficAndTargetGroupAreOneLineEachNamingFileAndField() throws Exception {
    Files.writeString(
        specs.resolve("experiences/bad.yaml"),
        """
        kind: Experience
        name: Bad test
        type: abTest
        tags: [ok, "has space", aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]
        variants:
          - name: A
            traffic: 60
          - name: B
        ---
        kind: Experience
        name: Bad segmented
        type: segmented
        audiences: [Mobile visitors]
        variants:
          - name: A
            audiences: [Mobile visitors]
        """);
    Run r = run("validate", specs.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("bad.yaml:4:")
        .contains("tag 'has space' may only hold")
        .contains("tag 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' has 33 characters")
        .contains("either every A/B variant gives 'traffic'")
        .contains("bad.yaml:13:")
        .contains("'audiences' at the experience level is the target group of an A/B test")
        .doesNotContain("Exception");
  }

  String liveState() {
    Path state = tmp.resolve("sandbox.json");
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().stateFile(state).build())) {
      return emu.stateDump();
    }
  }

  void editSandbox(java.util.function.Consumer<ContentstackClients> edit) {
    Path state = tmp.resolve("sandbox.json");
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().stateFile(state).build());
        ContentstackClients c =
            ContentstackClients.create(
                Target.sandboxCredentials(),
                ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
                TransportConfig.defaults())) {
      edit.accept(c);
      emu.save(state);
    }
  }
}
