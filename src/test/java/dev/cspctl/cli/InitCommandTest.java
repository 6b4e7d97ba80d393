package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir Path tmp;

  static Run run(String... args) {
    return CliHarness.run(Map.of("CSPCTL_SANDBOX_CMS_DELAY_MS", "20"), args);
  }

  @Test
  void scaffoldsAFolderThatValidatesAndAppliesToTheSandbox() throws Exception {
    Path dir = tmp.resolve("my-project/specs");
    Run init = run("init", dir.toString());
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.out()).startsWith("Created " + dir + " (8 files)");
    Run valid = run("validate", dir.toString());
    assertThat(valid.out())
        .as(valid.err())
        .startsWith(
            "Valid: 5 resources in 6 files (1 attribute, 1 event, 1 audience, 1 experience, 1 priority)");
    assertThat(dir.resolve("cspctl.yaml"))
        .content()
        .contains("# Project settings. No secrets here");
    // every schema line is a URL (it resolves outside this repository), for this version's schema
    String version = new VersionProvider().getVersion()[0].substring("cspctl ".length());
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        String first = Files.readAllLines(f).get(0);
        assertThat(first)
            .as(f.toString())
            .matches(
                "# yaml-language-server: \\$schema=https://gitlab\\.com/cspctl/cspctl/-/raw/v"
                    + java.util.regex.Pattern.quote(version)
                    + "/schemas/[a-z]+\\.schema\\.json");
        String schema = first.substring(first.lastIndexOf('/') + 1);
        assertThat(Path.of("schemas", schema)).as("published schema " + schema).exists();
      }
    }
    Run apply = run("apply", "--sandbox", "--auto-approve", dir.toString());
    assertThat(apply.exit()).as(apply.err()).isZero();
    assertThat(run("plan", "--sandbox", dir.toString()).out()).startsWith("No changes.");
  }

  @Test
  void refusesAFolderThatAlreadyHoldsSpecs() throws Exception {
    Path dir = tmp.resolve("specs");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("cspctl.yaml"), "project: mine\n");
    Files.writeString(dir.resolve("notes.md"), "mine");
    Run r = run("init", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("error: " + dir + " already holds cspctl.yaml; nothing was written\n");
    assertThat(dir.resolve("cspctl.yaml")).hasContent("project: mine");
  }

  @Test
  void writesIntoAnExistingFolderKeepingWhatIsThere() throws Exception {
    Path dir = tmp.resolve("repo");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve("README.md"), "mine");
    assertThat(run("init", dir.toString()).exit()).isZero();
    assertThat(dir.resolve("README.md")).hasContent("mine");
    assertThat(dir.resolve(".git")).isDirectory();
    assertThat(dir.resolve("cspctl.yaml")).exists();
  }
}
