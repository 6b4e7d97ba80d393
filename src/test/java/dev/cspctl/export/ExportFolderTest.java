package dev.cspctl.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export folder is written atomically: a failure mid-write leaves the target as it was. */
class ExportFolderTest {
  @TempDir Path tmp;

  static final Map<String, String> FILES =
      new LinkedHashMap<>(
          Map.of(
              "cspctl.yaml",
              "project: x\n",
              "attributes.yaml",
              "kind: Attribute\n",
              "experiences/a.yaml",
              "kind: Experience\n",
              "experiences/b.yaml",
              "kind: Experience\n"));

  /** Writes two files, then fails as a full disk would. */
  static ExportFolder failingOnThirdFile() {
    AtomicInteger n = new AtomicInteger();
    return new ExportFolder(
        (file, text) -> {
          if (n.incrementAndGet() == 3) throw new IOException("No space left on device");
          Files.writeString(file, text);
        });
  }

  @Test
  void failureMidWriteWithForceLeavesTheOldFolderUntouchedAndNoTemporaryFolder() throws Exception {
    Path out = tmp.resolve("adopted");
    Files.createDirectories(out.resolve("experiences"));
    Files.writeString(out.resolve("cspctl.yaml"), "old\n");
    Files.writeString(out.resolve("experiences/old.yaml"), "old experience\n");

    assertThatThrownBy(() -> failingOnThirdFile().write(out, FILES, true, f -> {}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("No space left on device");

    assertThat(tree(out)).containsExactly("cspctl.yaml", "experiences/old.yaml");
    assertThat(out.resolve("cspctl.yaml")).hasContent("old");
    assertThat(siblings()).containsExactly("adopted");
  }

  @Test
  void failureMidWriteOfANewFolderLeavesNothing() throws Exception {
    Path out = tmp.resolve("fresh");
    assertThatThrownBy(() -> failingOnThirdFile().write(out, FILES, false, f -> {}))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(out).doesNotExist();
    assertThat(siblings()).isEmpty();
  }

  @Test
  void aFailedCheckOfTheCompleteFolderWritesNothing() throws Exception {
    Path out = tmp.resolve("checked");
    assertThatThrownBy(
            () ->
                new ExportFolder()
                    .write(
                        out,
                        FILES,
                        false,
                        f -> {
                          assertThat(tree(f)).hasSize(4); // the check sees the complete export
                          throw new IllegalStateException("does not validate");
                        }))
        .hasMessage("does not validate");
    assertThat(out).doesNotExist();
    assertThat(siblings()).isEmpty();
  }

  @Test
  void refusesANonEmptyFolderWithoutForceAndWritesIntoAnEmptyOne() throws Exception {
    Path out = tmp.resolve("busy");
    Files.createDirectories(out);
    Files.writeString(out.resolve("mine.txt"), "mine");
    assertThatThrownBy(() -> new ExportFolder().write(out, FILES, false, f -> {}))
        .isInstanceOf(ExportFolder.NotEmptyException.class)
        .hasMessageContaining("--force");
    assertThat(tree(out)).containsExactly("mine.txt");

    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    new ExportFolder().write(empty, FILES, false, f -> {});
    assertThat(tree(empty))
        .containsExactly(
            "attributes.yaml", "cspctl.yaml", "experiences/a.yaml", "experiences/b.yaml");
  }

  @Test
  void forceReplacesOnlySpecFilesAndNeverTouchesGitOrOtherFiles() throws Exception {
    Path out = tmp.resolve("adopted");
    Files.createDirectories(out.resolve(".git/refs"));
    Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.createDirectories(out.resolve("experiences"));
    Files.writeString(
        out.resolve("experiences/gone.yaml"),
        "# an experience deleted live\nkind: Experience\nname: Gone\n");
    Files.createDirectories(out.resolve("old"));
    Files.writeString(out.resolve("old/audience.yml"), "kind: 'Audience'\nname: Old\n");
    Files.writeString(out.resolve("cspctl.yaml"), "project: old\n");
    Files.writeString(out.resolve("NOTES.md"), "mine");
    Files.writeString(out.resolve(".gitlab-ci.yml"), "include: []\n");
    Files.writeString(out.resolve("docker-compose.yml"), "services: {}\n");

    new ExportFolder().write(out, FILES, true, f -> {});

    assertThat(tree(out))
        .containsExactly(
            ".git/HEAD",
            ".gitlab-ci.yml",
            "NOTES.md",
            "attributes.yaml",
            "cspctl.yaml",
            "docker-compose.yml",
            "experiences/a.yaml",
            "experiences/b.yaml");
    assertThat(out.resolve("cspctl.yaml")).hasContent("project: x");
    assertThat(out.resolve("NOTES.md")).hasContent("mine");
    assertThat(out.resolve(".git/refs")).isDirectory();
    assertThat(out.resolve("old")).doesNotExist();
    assertThat(siblings()).containsExactly("adopted");
  }

  @Test
  void theWorkingDirectoryItselfKeepsItsOtherFiles() throws Exception {
    // --out . : the folder is written in place, never replaced, so its parent need not be writable
    Path cwd = tmp.resolve("repo");
    Files.createDirectories(cwd);
    Files.writeString(cwd.resolve("README.md"), "readme");
    Object inode =
        Files.readAttributes(cwd, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    new ExportFolder().write(cwd, FILES, true, f -> {});
    assertThat(tree(cwd)).contains("README.md", "cspctl.yaml");
    assertThat(
            Files.readAttributes(cwd, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
        .isEqualTo(inode);
  }

  @Test
  void aFailureWhileSwappingPutsTheOldSpecFilesBack() throws Exception {
    Path out = tmp.resolve("adopted");
    Files.createDirectories(
        out.resolve("experiences/a.yaml")); // a folder where the export writes a file
    Files.writeString(out.resolve("cspctl.yaml"), "old\n");
    Files.writeString(out.resolve("attributes.yaml"), "kind: Attribute\nkey: old\n");
    assertThatThrownBy(() -> new ExportFolder().write(out, FILES, true, f -> {}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("experiences/a.yaml is a folder");
    assertThat(tree(out)).containsExactly("attributes.yaml", "cspctl.yaml");
    assertThat(out.resolve("cspctl.yaml")).hasContent("old");
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".cspctl-"));
    }
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> tree(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
