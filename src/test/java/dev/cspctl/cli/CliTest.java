package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliTest {

  static Run run(String... args) {
    return CliHarness.run(Map.of(), args);
  }

  @Test
  void validatesTheExamplesWithAOneLineSummary() {
    Run r = run("validate", "specs");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines()).hasSize(1);
    assertThat(r.out())
        .startsWith(
            "Valid: 10 resources in 8 files (2 attributes, 2 events, 3 audiences, 2 experiences, 1 priority; 5 visitor tests)");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void helpAndVersion() {
    Run help = run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains(
            "validate", "plan", "apply", "drift", "export", "emulator", "version", "--stacktrace");
    assertThat(run("plan", "--help").out())
        .contains("--sandbox", "--region", "--personalize-url", "--cma-url", "--stacktrace", "-v");
    Run version = run("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("cspctl ");
  }

  @Test
  void commandsOfLaterIssuesDoNotPretendToExist() {
    Run r = run("frobnicate");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("error: Unmatched argument").contains("--help");
  }

  @Test
  void usageErrorsAreOneLinePlusAHint() {
    Run r = run("validate", "--bogus");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: Unknown option: '--bogus'");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void stackTraceOnlyWithTheFlag() {
    Run plain = run("validate", "does-not-exist");
    assertThat(plain.exit()).isEqualTo(1);
    assertThat(plain.err())
        .contains("error: does-not-exist: spec folder does not exist")
        .doesNotContain("\tat ");
    Run traced = run("validate", "does-not-exist", "--stacktrace");
    assertThat(traced.exit()).isEqualTo(1);
    assertThat(traced.err()).contains("SpecException").contains("\tat ");
  }
}
