package dev.cspctl.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.emulator.SandboxCredentials;
import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import dev.cspctl.testing.TestFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * cspctl's own image as a CI service container, as the README's "The emulator as a CI service
 * container" sets it up: built from the Dockerfile, running {@code emulator --listen 0.0.0.0} on a
 * Docker network under the alias {@code contentstack}. What no in-process server can show: the
 * image's emulator mode serves both APIs to cspctl from outside the container, and another
 * container reaches it by its alias across a real container network. Needs a Docker engine: where
 * there is none (as on the machines cspctl is developed and tested on), JUnit reports it skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class ServiceContainerTest {
  static final Network NETWORK = Network.newNetwork();

  @Container
  static final GenericContainer<?> SERVICE =
      new GenericContainer<>(
              new ImageFromDockerfile("cspctl-service-test", true)
                  .withDockerfile(Path.of("").toAbsolutePath().resolve("Dockerfile")))
          .withCommand("emulator", "--listen", "0.0.0.0", "--port", "8080", "--cms-delay-ms", "0")
          .withNetwork(NETWORK)
          .withNetworkAliases("contentstack")
          .withExposedPorts(8080)
          .waitingFor(
              Wait.forLogMessage("(?s).*listening on .*", 1)
                  .withStartupTimeout(Duration.ofSeconds(60)));

  @TempDir Path tmp;

  @Test
  void cspctlAppliesTheExamplesToTheServiceAndThenHasNothingLeftToPlan() throws Exception {
    // cspctl refuses plain http to any host but loopback (ApiEndpoints): a remote DOCKER_HOST
    // maps the port elsewhere, where this half cannot run.
    assumeTrue(
        SERVICE.getHost().equals("localhost") || SERVICE.getHost().startsWith("127."),
        "container host is not loopback");
    String base = "http://" + SERVICE.getHost() + ":" + SERVICE.getMappedPort(8080);
    Map<String, String> env =
        Map.of(
            ApiEndpoints.ENV_PERSONALIZE_URL,
            base,
            ApiEndpoints.ENV_CMA_URL,
            base + "/v3",
            // the README's "The emulator in your own tests": the public sandbox credentials
            "CONTENTSTACK_AUTHTOKEN",
            SandboxCredentials.AUTHTOKEN,
            "CONTENTSTACK_MANAGEMENT_TOKEN",
            SandboxCredentials.MANAGEMENT_TOKEN);
    Path specs = tmp.resolve("specs");
    TestFiles.copyTree(Path.of("specs"), specs);

    Run apply = CliHarness.run(env, "apply", "--auto-approve", specs.toString());
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out()).contains("Apply complete");
    Run plan = CliHarness.run(env, "plan", "--detailed-exitcode", specs.toString());
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(plan.out()).contains("No changes.");
  }

  @Test
  void anotherContainerOnTheNetworkReachesTheServiceByItsAlias() {
    try (GenericContainer<?> job =
        new GenericContainer<>("curlimages/curl:8.11.1")
            .withNetwork(NETWORK)
            .withCommand(
                "-sf",
                "-H",
                "authtoken: " + SandboxCredentials.AUTHTOKEN,
                "-H",
                "x-project-uid: " + SandboxCredentials.PROJECT_UID,
                "http://contentstack:8080/attributes")
            .withStartupCheckStrategy(
                new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))) {
      job.start();
      assertThat(job.getLogs().strip()).startsWith("[").endsWith("]");
    }
  }
}
