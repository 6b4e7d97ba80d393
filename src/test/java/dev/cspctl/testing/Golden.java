package dev.cspctl.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Golden files: expected output committed under {@code src/test/resources}, compared with what the
 * code produces now. A missing expected file is a failure, never silently written: run once with
 * {@code -Dcspctl.updateGolden=true} (for example {@code ./mvnw -B -o test -Dtest=GoldenPlanTest
 * -Dcspctl.updateGolden=true}) to write or rewrite the expected files after a deliberate change,
 * and review their diff before committing it.
 */
public final class Golden {
  /** The system property that makes the golden assertions write the expected files. */
  public static final String UPDATE_PROPERTY = "cspctl.updateGolden";

  private Golden() {}

  /** True when this run (re)writes the expected files instead of only comparing. */
  public static boolean updating() {
    return Boolean.getBoolean(UPDATE_PROPERTY);
  }

  /** Asserts that {@code expected} holds exactly {@code actual}. */
  public static void assertMatches(Path expected, String actual) throws IOException {
    if (updating()) {
      Files.createDirectories(expected.toAbsolutePath().getParent());
      Files.writeString(expected, actual);
    }
    if (!Files.exists(expected)) {
      fail(missing(expected));
    }
    assertThat(actual).as(expected.toString()).isEqualTo(Files.readString(expected));
  }

  /**
   * Asserts that the folder {@code expected} holds exactly {@code files} (path relative to the
   * folder, with {@code /}, to content): the same names, no other file, the same contents.
   */
  public static void assertFolderMatches(Path expected, Map<String, String> files)
      throws IOException {
    if (updating()) {
      TestFiles.deleteTree(expected);
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path p = expected.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.getValue());
      }
    }
    if (!Files.isDirectory(expected)) {
      fail(missing(expected));
    }
    try (Stream<Path> walk = Files.walk(expected)) {
      List<String> present =
          walk.filter(Files::isRegularFile)
              .map(p -> expected.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
      assertThat(present)
          .as(expected.toString())
          .containsExactlyElementsOf(files.keySet().stream().sorted().toList());
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      assertThat(f.getValue())
          .as(expected.resolve(f.getKey()).toString())
          .isEqualTo(Files.readString(expected.resolve(f.getKey())));
    }
  }

  private static String missing(Path expected) {
    return expected
        + " does not exist: run with -D"
        + UPDATE_PROPERTY
        + "=true to write it, then review and commit it";
  }
}
