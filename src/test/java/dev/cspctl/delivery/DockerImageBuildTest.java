package dev.cspctl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Builds the image from the Dockerfile and runs {@code --version} in it. Needs a Docker engine:
 * where there is none (as on the machines cspctl is developed on), JUnit reports it skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerImageBuildTest {
  @Test
  void imageBuildsAndPrintsItsVersionAsANonRootUser() {
    Path root = Path.of("").toAbsolutePath();
    ImageFromDockerfile image =
        new ImageFromDockerfile("cspctl-test", true).withDockerfile(root.resolve("Dockerfile"));
    try (GenericContainer<?> version =
        new GenericContainer<>(image)
            .withCommand("--version")
            .withStartupCheckStrategy(
                new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))) {
      version.start();
      assertThat(version.getLogs()).contains("cspctl ");
    }
    try (GenericContainer<?> id =
        new GenericContainer<>(image)
            .withCreateContainerCmdModifier(c -> c.withEntrypoint("id", "-u"))
            .withStartupCheckStrategy(
                new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))) {
      id.start();
      assertThat(id.getLogs().strip()).isEqualTo("10001");
    }
  }
}
