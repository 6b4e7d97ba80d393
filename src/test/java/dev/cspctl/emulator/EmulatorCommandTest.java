package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.cli.EmulatorCommand;
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

class EmulatorCommandTest {
  @TempDir Path dir;

  @Test
  void printsListeningLineServesAndSavesStateOnStop() throws Exception {
    Path state = dir.resolve("state.json");
    EmulatorCommand command = new EmulatorCommand();
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                cli.execute(
                    "--port",
                    "0",
                    "--state",
                    state.toString(),
                    "--cms-delay-ms",
                    "0",
                    "--seed",
                    "3"));
    long deadline = System.currentTimeMillis() + 5000;
    while (!out.toString().contains("\n") && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    String first = out.toString().lines().findFirst().orElseThrow();
    assertThat(first).matches("listening on http://127\\.0\\.0\\.1:\\d+");
    String base = first.substring("listening on ".length());
    AcceptedCredentials c = AcceptedCredentials.fromEnvironment(System.getenv());
    Api.Res r =
        Api.send(
            "POST",
            base + "/attributes",
            Map.of("name", "Age", "key", "age"),
            Map.of("authtoken", c.authtoken(), "x-project-uid", c.projectUid()));
    assertThat(r.status()).isEqualTo(201);
    command.requestStop();
    assertThat(exit.get(5, TimeUnit.SECONDS)).isZero();
    assertThat(Files.readString(state)).contains("\"age\"");
  }

  @Test
  void badFaultSpecExitsOne() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new EmulatorCommand());
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("--faults", "boom:0.5")).isEqualTo(1);
    assertThat(err.toString()).contains("--faults").contains("boom");
  }

  @Test
  void helpListsTheOptions() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new EmulatorCommand());
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--port",
            "--state",
            "--latency-ms",
            "--rate-limit",
            "--faults",
            "--seed",
            "--cms-delay-ms",
            "--entries");
  }
}
