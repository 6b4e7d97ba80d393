package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cspctl.spec.SpecException;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FIFO, a device or a link to one in a spec folder is one clear error, never a hang or an
 * OutOfMemoryError.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SpecialFilesTest {
  @TempDir Path tmp;

  Path folder() throws Exception {
    Path dir = tmp.resolve("specs");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("cspctl.yaml"), "project: 65f0c0ffee0123456789abcd\n");
    Files.writeString(dir.resolve("a.yaml"), "kind: Attribute\nkey: a\nname: A\n");
    return dir;
  }

  @Test
  void aFifoIsAnErrorNotAHang() throws Exception {
    Path dir = folder();
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.yaml").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Run r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> CliHarness.run("validate", dir.toString()));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("pipe.yaml:1:1: not a regular file (a FIFO)")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void linksToDevicesAreErrorsNotOutOfMemory() throws Exception {
    Path dir = folder();
    Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
    Files.createSymbolicLink(dir.resolve("random.yml"), Path.of("/dev/urandom"));
    Files.createSymbolicLink(dir.resolve("broken.yaml"), dir.resolve("missing"));
    Run r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> CliHarness.run("validate", dir.toString()));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("zero.yaml:1:1: not a regular file (a symbolic link to a character device)")
        .contains("random.yml:1:1: not a regular file (a symbolic link to a character device)")
        .contains("broken.yaml:1:1: not a regular file (a broken symbolic link)")
        .contains("3 errors found.")
        .doesNotContain("OutOfMemoryError");
  }

  @Test
  void aSpecialCspctlYamlIsNamedToo() throws Exception {
    Path dir = folder();
    Files.delete(dir.resolve("cspctl.yaml"));
    Files.createSymbolicLink(dir.resolve("cspctl.yaml"), Path.of("/dev/zero"));
    assertThatThrownBy(
            () ->
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new SpecLoader().load(dir)))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("cspctl.yaml:1:1: not a regular file");
  }

  @Test
  void aLinkToARegularFileIsRead() throws Exception {
    Path dir = folder();
    Path elsewhere = tmp.resolve("event.yaml");
    Files.writeString(elsewhere, "kind: Event\nkey: e\n");
    Files.createSymbolicLink(dir.resolve("event.yaml"), elsewhere);
    assertThat(new SpecLoader().load(dir).events()).hasSize(1);
  }
}
