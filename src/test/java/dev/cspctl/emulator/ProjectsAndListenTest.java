package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.cli.EmulatorCommand;
import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
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
 * GET/POST /projects as Contentstack's CLI calls them, a created project's uid being the one then
 * accepted, cspctl finding the project from the stack, and {@code emulator --listen}.
 */
class ProjectsAndListenTest {
  @TempDir Path tmp;

  @Test
  void anEmptyEmulatorGetsItsProjectFromPostProjectsAndCspctlFindsItFromTheStack()
      throws Exception {
    try (Emulator emu =
        Emulator.start(EmulatorConfig.builder().withoutProject(true).cmsDelayMs(0).build())) {
      AcceptedCredentials c = emu.credentials();
      Map<String, String> user =
          Map.of(
              "authtoken", c.authtoken(), "organization_uid", EmulatorAssumptions.ORGANIZATION_UID);
      String list = emu.personalizeUrl() + "/projects?connectedStackApiKey=" + c.apiKey();
      assertThat(Api.send("GET", list, null, user).body().size()).isZero();

      Path specs = tmp.resolve("specs");
      Files.createDirectories(specs);
      Files.writeString(specs.resolve("events.yaml"), "kind: Event\nkey: signup\n");
      Files.writeString(specs.resolve("cspctl.yaml"), "prune: false\n");
      Map<String, String> env =
          Map.of(
              "CSPCTL_PERSONALIZE_URL",
              emu.personalizeUrl(),
              "CSPCTL_CMA_URL",
              emu.cmaUrl(),
              "CONTENTSTACK_AUTHTOKEN",
              c.authtoken(),
              "CONTENTSTACK_API_KEY",
              c.apiKey());
      Run none = CliHarness.run(env, "plan", specs.toString());
      assertThat(none.exit()).isEqualTo(1);
      assertThat(none.err())
          .contains("no Personalize project is connected to stack " + c.apiKey())
          .doesNotContain("Exception");

      Api.Res created =
          Api.send(
              "POST",
              emu.personalizeUrl() + "/projects",
              Map.of(
                  "name",
                  "Imported",
                  "description",
                  "by the CLI",
                  "connectedStackApiKey",
                  c.apiKey()),
              user);
      assertThat(created.status()).isEqualTo(201);
      String uid = created.text("/uid");
      assertThat(uid).matches("[0-9a-f]{24}").isNotEqualTo(c.projectUid());
      assertThat(Api.send("GET", list, null, user).body().get(0).path("name").asText())
          .isEqualTo("Imported");
      Api.Res again =
          Api.send(
              "POST",
              emu.personalizeUrl() + "/projects",
              Map.of("name", "Imported", "connectedStackApiKey", c.apiKey()),
              user);
      assertThat(again.status()).isEqualTo(400);
      assertThat(again.text("/message")).isEqualTo(EmulatorAssumptions.DUPLICATE_PROJECT_NAME);
      assertThat(
              Api.send(
                      "GET",
                      emu.personalizeUrl() + "/events",
                      null,
                      Map.of("authtoken", c.authtoken(), "x-project-uid", uid))
                  .status())
          .isEqualTo(200);
      assertThat(
              Api.send(
                      "GET",
                      emu.personalizeUrl() + "/events",
                      null,
                      Map.of("authtoken", c.authtoken(), "x-project-uid", c.projectUid()))
                  .status())
          .isEqualTo(EmulatorAssumptions.WRONG_PROJECT_STATUS);

      Run apply = CliHarness.run(env, "apply", "--auto-approve", specs.toString());
      assertThat(apply.exit()).as(apply.err()).isEqualTo(0);
      assertThat(apply.err())
          .contains(
              "Using Personalize project "
                  + uid
                  + " ('Imported'), the one connected to stack "
                  + c.apiKey());
      assertThat(emu.stateDump()).contains("\"project\" : \"" + uid + "\"");
    }
  }

  @Test
  void listenOnAnotherAddressIsAnnouncedAndServes() throws Exception {
    EmulatorCommand command = new EmulatorCommand();
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> cli.execute("--port", "0", "--listen", "0.0.0.0"));
    long deadline = System.currentTimeMillis() + 5000;
    while (!out.toString().contains("\n") && System.currentTimeMillis() < deadline)
      Thread.sleep(10);
    String first = out.toString().lines().findFirst().orElseThrow();
    assertThat(first)
        .matches(
            "listening on http://127\\.0\\.0\\.1:\\d+ \\(bound to 0\\.0\\.0\\.0, NOT loopback only: .*");
    String base = first.substring("listening on ".length(), first.indexOf(" ("));
    AcceptedCredentials c = AcceptedCredentials.fromEnvironment(System.getenv());
    assertThat(
            Api.send(
                    "GET",
                    base + "/events",
                    null,
                    Map.of("authtoken", c.authtoken(), "x-project-uid", c.projectUid()))
                .status())
        .isEqualTo(200);
    command.requestStop();
    assertThat(exit.get(5, TimeUnit.SECONDS)).isZero();

    StringWriter err = new StringWriter();
    CommandLine bad = new CommandLine(new EmulatorCommand());
    bad.setErr(new PrintWriter(err, true));
    assertThat(bad.execute("--listen", "no-such-host.invalid")).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: --listen: 'no-such-host.invalid'");
  }
}
