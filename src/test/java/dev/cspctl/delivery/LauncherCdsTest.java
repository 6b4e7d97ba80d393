package dev.cspctl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./cspctl}'s class-data sharing archive, on a stand-in jar (tests run before
 * {@code package}): made once by a training run, used while fresh, rebuilt when the jar is newer or
 * the archive damaged, and never a reason for different output or a failed start.
 */
class LauncherCdsTest {
  static final String HELLO =
      """
      public class Hello {
        public static void main(String[] args) {
          boolean cds = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
              .anyMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
          System.out.println("hello " + String.join(" ", args) + " cds=" + cds);
        }
      }
      """;

  @TempDir Path repo;
  Path jar;
  Path jsa;

  @BeforeEach
  void repoWithABuiltJar() throws Exception {
    Shell.copyLauncher(repo);
    for (String dir : List.of("src/main", "schemas", "specs", "target/classes"))
      Files.createDirectories(repo.resolve(dir));
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    Path src = repo.resolve("target/Hello.java");
    Files.writeString(src, HELLO);
    assertThat(
            ToolProvider.getSystemJavaCompiler()
                .run(
                    null,
                    null,
                    null,
                    "-d",
                    repo.resolve("target/classes").toString(),
                    src.toString()))
        .isZero();
    jar = repo.resolve("target/cspctl.jar");
    writeJar();
    Instant old = Instant.now().minusSeconds(3600);
    for (String p : List.of("pom.xml", "src/main", "schemas"))
      Files.setLastModifiedTime(repo.resolve(p), FileTime.from(old));
    // the launcher's record of the sources it built from (a file added or deleted means a rebuild)
    Files.writeString(repo.resolve("target/cspctl.sources"), "pom.xml\n");
    jsa = repo.resolve("target/cspctl.jsa");
  }

  private void writeJar() throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, m)) {
      j.putNextEntry(new JarEntry("Hello.class"));
      j.write(Files.readAllBytes(repo.resolve("target/classes/Hello.class")));
      j.closeEntry();
    }
  }

  private Shell.Result run() throws Exception {
    return Shell.bash(repo, "./cspctl validate specs/", Map.of(), Duration.ofMinutes(2));
  }

  @Test
  void firstRunTrainsTheArchiveLaterRunsUseItAndTheOutputIsOnlyTheCommands() throws Exception {
    Shell.Result first = run();
    assertThat(first.exit()).isZero();
    assertThat(first.output()).isEqualTo("hello validate specs/ cds=true\n");
    assertThat(jsa).isRegularFile();
    assertThat(Files.readString(repo.resolve("target/cspctl.jsa.size")).strip())
        .isEqualTo(String.valueOf(Files.size(jsa)));
    FileTime made = Files.getLastModifiedTime(jsa);
    Shell.Result second = run();
    assertThat(second.output()).isEqualTo("hello validate specs/ cds=true\n");
    assertThat(Files.getLastModifiedTime(jsa)).isEqualTo(made);
    try (var left = Files.list(repo.resolve("target"))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("cds-train."));
    }
  }

  @Test
  void aTruncatedArchiveIsNeverMappedAndIsRebuilt() throws Exception {
    assertThat(run().exit()).isZero();
    byte[] head = new byte[100_000];
    try (var in = Files.newInputStream(jsa)) {
      assertThat(in.readNBytes(head, 0, head.length)).isEqualTo(head.length);
    }
    jsa.toFile().setWritable(true);
    Files.write(jsa, head); // the JVM would crash (SIGBUS) mapping this
    Shell.Result r = run();
    assertThat(r.exit()).isZero();
    assertThat(r.output()).isEqualTo("hello validate specs/ cds=true\n");
    assertThat(Files.size(jsa)).isGreaterThan(head.length);
  }

  @Test
  void aJarNewerThanTheArchiveGetsANewOne() throws Exception {
    assertThat(run().exit()).isZero();
    Files.setLastModifiedTime(jsa, FileTime.from(Instant.now().minusSeconds(60)));
    Files.setLastModifiedTime(
        repo.resolve("target/cspctl.jsa.size"), FileTime.from(Instant.now().minusSeconds(60)));
    FileTime before = Files.getLastModifiedTime(jsa);
    Shell.Result r = run();
    assertThat(r.output()).isEqualTo("hello validate specs/ cds=true\n");
    assertThat(Files.getLastModifiedTime(jsa)).isGreaterThan(before);
  }

  @Test
  void withoutSpecsToTrainOnItRunsWithoutAnArchive() throws Exception {
    Files.delete(repo.resolve("specs"));
    Shell.Result r = run();
    assertThat(r.exit()).isZero();
    assertThat(r.output()).isEqualTo("hello validate specs/ cds=false\n");
    assertThat(jsa).doesNotExist();
  }
}
