package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.emulator.SandboxCredentials;
import dev.cspctl.export.HandBuiltProject;
import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cspctl export} as a user runs it, against the embedded sandbox (state in a temp folder).
 */
class ExportCommandTest {
  @TempDir Path tmp;
  Map<String, String> env;

  @BeforeEach
  void sandboxInTemp() {
    env = CliHarness.sandboxEnv(tmp.resolve("sandbox.json"));
  }

  Run run(String... args) {
    return CliHarness.run(env, args);
  }

  /** The project a team built by hand in the UI, saved as the sandbox state. */
  int handBuiltSandbox() {
    Path state = tmp.resolve("sandbox.json");
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().cmsDelayMs(0).build());
        ContentstackClients c =
            ContentstackClients.create(
                dev.cspctl.cli.Target.sandboxCredentials(),
                ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
                TransportConfig.defaults())) {
      int resources = new HandBuiltProject(c).build();
      emu.save(state);
      return resources;
    }
  }

  @Test
  void sandboxExportPlansAsAdoptionsOnlyAndAfterApplyAsNoChanges() {
    int resources = handBuiltSandbox();
    String out = tmp.resolve("adopted").toString();

    Run export = run("export", "--sandbox", "--out", out);
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(export.out())
        .contains(
            "Exported 2 attributes, 2 events, 3 audiences, 3 experiences (3 entry variant contents), priority");
    assertThat(export.err())
        .contains("warning: experience 'Homepage hero by segment', variant 'Premium'")
        .contains("field 'sections' exported whole");
    assertThat(Path.of(out, "cspctl.yaml"))
        .content()
        .contains("project: " + SandboxCredentials.PROJECT_UID)
        .contains("stack: " + SandboxCredentials.API_KEY)
        .doesNotContain("sandbox-authtoken")
        .doesNotContain("management-token");

    assertThat(run("validate", out).exit()).isZero();
    Run plan = run("plan", "--sandbox", "--detailed-exitcode", out);
    assertThat(plan.exit()).as(plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .contains("Plan: 0 to add, 0 to change, 0 to delete, " + resources + " to adopt.");
    Run apply = run("apply", "--sandbox", "--auto-approve", out);
    assertThat(apply.exit()).as(apply.err()).isZero();
    Run after = run("plan", "--sandbox", "--detailed-exitcode", out);
    assertThat(after.exit()).as(after.out()).isZero();
    assertThat(after.out()).startsWith("No changes.");
  }

  @Test
  void refusesANonEmptyFolderWithoutForceAndReplacesItWithForce() throws Exception {
    Path out = tmp.resolve("existing");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "mine");

    Run refused = run("export", "--sandbox", "--out", out.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).startsWith("error: ").contains("is not empty").contains("--force");
    assertThat(refused.err().lines().count()).isEqualTo(1);
    assertThat(out.resolve("notes.txt")).hasContent("mine");
    assertThat(Files.exists(tmp.resolve("sandbox.json")))
        .as("refused before reading anything")
        .isFalse();

    handBuiltSandbox();
    Run forced = run("export", "--sandbox", "--force", "--out", out.toString());
    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(out.resolve("notes.txt")).as("--force replaces spec files only").hasContent("mine");
    assertThat(out.resolve("cspctl.yaml")).exists();
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains(".cspctl-"));
    }
  }

  @Test
  void anEmptyProjectExportsOnlyItsSettingsAndSaysSo() {
    Path out = tmp.resolve("empty");
    Run r = run("export", "--sandbox", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("nothing to export");
    assertThat(out).doesNotExist();
  }
}
