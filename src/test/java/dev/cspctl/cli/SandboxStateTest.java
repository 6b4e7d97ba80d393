package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import dev.cspctl.testing.TestFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The sandbox state belongs to the spec folder, and the emulator and the sandbox never share a
 * state file.
 */
class SandboxStateTest {
  @TempDir Path tmp;
  static final Map<String, String> ENV = Map.of("CSPCTL_SANDBOX_CMS_DELAY_MS", "20");

  static Run run(String... args) {
    return CliHarness.run(ENV, args);
  }

  Path copyOfSpecs(String name) throws IOException {
    Path to = tmp.resolve(name);
    TestFiles.copyTree(Path.of("specs"), to);
    return to;
  }

  @Test
  void theStateLivesInTheSpecFolderWhateverTheWorkingDirectory() throws Exception {
    Path one = copyOfSpecs("one");
    Path two = copyOfSpecs("two");
    boolean cwdStateBefore = Files.exists(Path.of(".cspctl", "sandbox.json"));
    long cwdModifiedBefore =
        cwdStateBefore
            ? Files.getLastModifiedTime(Path.of(".cspctl", "sandbox.json")).toMillis()
            : 0;

    Run apply = run("apply", "--sandbox", "--auto-approve", one.toString());
    assertThat(apply.exit()).as(apply.err()).isZero();
    assertThat(one.resolve(".cspctl/sandbox.json")).exists();
    // the same folder named another way (relative to another directory) finds the same sandbox
    Run again = run("plan", "--sandbox", one.resolve("../one/.").toString());
    assertThat(again.out()).as(again.err()).startsWith("No changes.");
    // another spec folder has its own sandbox
    assertThat(run("plan", "--sandbox", two.toString()).out()).contains("Plan: 9 to add");
    assertThat(Files.exists(Path.of(".cspctl", "sandbox.json"))).isEqualTo(cwdStateBefore);
    if (cwdStateBefore) {
      assertThat(Files.getLastModifiedTime(Path.of(".cspctl", "sandbox.json")).toMillis())
          .isEqualTo(cwdModifiedBefore);
    }
    // a saved plan is applied to the sandbox it was made against
    Path plan = tmp.resolve("plan.json");
    assertThat(run("plan", "--sandbox", "--out", plan.toString(), two.toString()).exit()).isZero();
    Run saved = run("apply", "--sandbox", "--auto-approve", plan.toString());
    assertThat(saved.exit()).as(saved.err()).isZero();
    assertThat(run("plan", "--sandbox", two.toString()).out()).startsWith("No changes.");
  }

  @Test
  void theEmulatorRefusesASandboxFileInUseAndTheSandboxRefusesAServedOne() throws Exception {
    Path specs = copyOfSpecs("specs");
    Path state = specs.resolve(".cspctl/sandbox.json");
    EmulatorCommand emulator = new EmulatorCommand();
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(emulator);
    cli.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> serving =
        CompletableFuture.supplyAsync(() -> cli.execute("--state", state.toString()));
    long deadline = System.currentTimeMillis() + 10_000;
    while (!out.toString().contains("listening on") && System.currentTimeMillis() < deadline)
      Thread.sleep(10);
    assertThat(out.toString()).contains("listening on");

    Run refused = run("apply", "--sandbox", "--auto-approve", specs.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .startsWith("error: the sandbox state " + state + " is held by 'cspctl emulator (pid ")
        .contains("stop it first");
    emulator.requestStop();
    assertThat(serving.get(10, TimeUnit.SECONDS)).isZero();

    try (StateFileLock held = StateFileLock.forSandbox(state, m -> {})) {
      StringWriter err = new StringWriter();
      CommandLine second = new CommandLine(new EmulatorCommand());
      second.setErr(new PrintWriter(err, true));
      assertThat(second.execute("--state", state.toString())).isEqualTo(1);
      assertThat(err.toString())
          .startsWith("error: --state " + state + " is in use by 'cspctl --sandbox (pid ")
          .contains("cannot share a state file");
    }
    assertThat(run("apply", "--sandbox", "--auto-approve", specs.toString()).exit()).isZero();
  }
}
