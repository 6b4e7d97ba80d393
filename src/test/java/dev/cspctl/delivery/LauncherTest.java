package dev.cspctl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./cspctl launcher, run by sh in a copy of its folder with a fake Maven wrapper (which counts
 * builds) and a fake java on PATH, so no real build is paid.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {
  @TempDir Path repo;
  Path bin;

  record Result(int exit, String out, String err) {}

  static void executable(Path p, String text) throws IOException {
    Files.writeString(p, text);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @BeforeEach
  void copy() throws IOException {
    Shell.copyLauncher(repo);
    Files.createDirectories(repo.resolve("src/main/java"));
    Files.createDirectories(repo.resolve("schemas"));
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    Files.writeString(repo.resolve("src/main/java/A.java"), "class A {}");
    Files.writeString(repo.resolve("src/main/java/B.java"), "class B {}");
    executable(
        repo.resolve("mvnw"),
        "#!/bin/sh\necho build >> builds.log\nsleep 2\nmkdir -p target\necho jar > target/cspctl.jar\n");
    bin = repo.resolve("bin");
    Files.createDirectories(bin);
    executable(bin.resolve("java"), "#!/bin/sh\necho \"ran $*\"\n");
  }

  Process start() throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder("sh", repo.resolve("cspctl").toString(), "version")
            .directory(repo.toFile());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    return pb.start();
  }

  static Result finish(Process p) throws Exception {
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  long builds() throws IOException {
    Path log = repo.resolve("builds.log");
    return Files.exists(log) ? Files.readAllLines(log).size() : 0;
  }

  @Test
  void twoFirstRunsAtOnceBuildOnceAndSayTheyAreBuilding() throws Exception {
    List<Process> runs = new ArrayList<>();
    runs.add(start());
    runs.add(start());
    List<Result> results = new ArrayList<>();
    for (Process p : runs) results.add(finish(p));
    for (Result r : results) {
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out())
          .startsWith("ran ")
          .contains("-jar " + repo.resolve("target/cspctl.jar") + " version");
    }
    assertThat(builds()).isEqualTo(1);
    assertThat(results).anySatisfy(r -> assertThat(r.err()).startsWith("building cspctl"));
    assertThat(repo.resolve("target/cspctl-build.lock")).doesNotExist();

    Result again = finish(start());
    assertThat(again.err()).isEmpty();
    assertThat(builds()).isEqualTo(1);
  }

  @Test
  void aDeletedSourceFileTriggersARebuild() throws Exception {
    assertThat(finish(start()).exit()).isZero();
    assertThat(builds()).isEqualTo(1);
    Files.delete(repo.resolve("src/main/java/B.java"));
    Result r = finish(start());
    assertThat(r.err()).startsWith("building cspctl");
    assertThat(builds()).isEqualTo(2);
  }
}
