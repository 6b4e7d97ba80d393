package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.export.HandBuiltProject;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.spec.VisitorTest;
import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import dev.cspctl.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cspctl export --visitor-tests}: a starter visitor test per variant, valid, and passing
 * until the specs change.
 */
class ExportVisitorTestsTest {
  @TempDir Path tmp;

  Run run(Map<String, String> env, String... args) {
    return CliHarness.run(env, args);
  }

  @Test
  void exportWritesOneStarterTestPerVariantBuiltFromItsAudiences() throws Exception {
    Path state = tmp.resolve("sandbox.json");
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().cmsDelayMs(0).build());
        ContentstackClients c =
            ContentstackClients.create(
                Target.sandboxCredentials(),
                ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
                TransportConfig.defaults())) {
      new HandBuiltProject(c).build();
      emu.save(state);
    }
    Map<String, String> env =
        Map.of("CSPCTL_SANDBOX_STATE", state.toString(), "CSPCTL_SANDBOX_CMS_DELAY_MS", "20");
    Path out = tmp.resolve("exported");
    var export = run(env, "export", "--sandbox", "--visitor-tests", "--out", out.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(out.resolve("visitor-tests.yaml"))
        .content()
        .startsWith("# yaml-language-server: $schema=")
        .contains("kind: VisitorTest");

    DesiredState specs = new SpecLoader().load(out);
    int expected =
        specs.experiences().stream()
            .mapToInt(
                e ->
                    e.status() != dev.cspctl.spec.ExperienceStatus.ACTIVE
                            || e.type() == dev.cspctl.spec.ExperienceType.AB_TEST
                        ? 1
                        : e.variants().size())
            .sum();
    assertThat(specs.visitorTests()).hasSize(expected);
    for (VisitorTest t : specs.visitorTests()) assertThat(t.expect()).hasSize(1);

    var test = run(env, "test", out.toString());
    assertThat(test.out()).contains("Visitor tests: ");
    assertThat(test.out()).doesNotContain("FAIL");
    assertThat(Files.readString(out.resolve("visitor-tests.yaml")))
        .contains("Homepage hero by segment: Premium");
  }

  @Test
  void starterTestsForTheExamplesPassAndNameEveryVariant() throws Exception {
    Path specs = tmp.resolve("specs");
    TestFiles.copyTree(Path.of("specs"), specs);
    Files.delete(specs.resolve("visitor-tests.yaml"));
    String text =
        dev.cspctl.visitor.StarterTests.render(
            new SpecLoader().load(specs),
            "../schemas/visitor-test.schema.json",
            java.time.Instant.parse("2026-06-15T12:00:00Z"));
    Files.writeString(specs.resolve("starter.yaml"), text);
    DesiredState loaded = new SpecLoader().load(specs);
    assertThat(loaded.visitorTests())
        .extracting(VisitorTest::name)
        .containsExactly(
            "Checkout CTA test: in the A/B test",
            "Homepage hero by segment: Premium",
            "Homepage hero by segment: Mobile");
    assertThat(loaded.visitorTests().get(1).visitor().attributes()).containsKeys("plan_tier");
    var r = run(Map.of(), "test", specs.toString());
    assertThat(r.exit()).as(r.out()).isZero();
  }
}
