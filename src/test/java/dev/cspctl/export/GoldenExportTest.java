package dev.cspctl.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cspctl.plan.Action;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanOptions;
import dev.cspctl.plan.Planner;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.state.LiveState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden exports a reviewer can read: {@code src/test/resources/export/<case>/} holds
 * {@code live.json} (a live state with fixed uids), the expected files under {@code spec/},
 * and {@code messages.txt} (the warnings and notes). Run with {@code -Dgolden.update=true} to
 * rewrite the expected files after a deliberate change. Each expected folder must also load
 * and plan against its live state as adoptions only.
 */
class GoldenExportTest {
  static final Path ROOT = Path.of("src/test/resources/export");
  static final ObjectMapper M = new ObjectMapper();
  static final ExportSettings SETTINGS = new ExportSettings("65f0c0ffee0123456789abcd", "blt0123456789abcdef", "eu", null, List.of("en-us"));

  @TempDir Path tmp;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(ROOT)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exportMatchesGoldenFiles(String name) throws IOException {
    Path dir = ROOT.resolve(name);
    LiveState live = M.readValue(dir.resolve("live.json").toFile(), LiveState.class);
    Export export = new Exporter().export(live, SETTINGS);
    Path expected = dir.resolve("spec");
    if (Boolean.getBoolean("golden.update") || !Files.exists(expected)) {
      Path fresh = tmp.resolve("fresh");
      new ExportFolder().write(fresh, export.files(), false, f -> {});
      deleteTree(expected);
      copyTree(fresh, expected);
      Files.writeString(dir.resolve("messages.txt"), messages(export));
    }
    try (Stream<Path> files = Files.walk(expected)) {
      List<String> written = files.filter(Files::isRegularFile).map(p -> expected.relativize(p).toString().replace('\\', '/')).sorted().toList();
      assertThat(written).containsExactlyElementsOf(export.files().keySet());
    }
    for (Map.Entry<String, String> f : export.files().entrySet()) {
      assertThat(f.getValue()).as(f.getKey()).isEqualTo(Files.readString(expected.resolve(f.getKey())));
    }
    assertThat(messages(export)).isEqualTo(Files.readString(dir.resolve("messages.txt")));
    // The same live state always gives the same files.
    assertThat(new Exporter().export(live, SETTINGS)).isEqualTo(export);

    DesiredState desired = new SpecLoader().load(expected);
    Plan plan = new Planner().plan(desired, live, new PlanOptions(false, Set.of()));
    assertThat(plan.changes()).isNotEmpty().allSatisfy(c -> {
      assertThat(c.action()).as(c.key().toString()).isEqualTo(Action.ADOPT);
      assertThat(c.diffs()).as(c.key().toString()).isEmpty();
    });
  }

  static String messages(Export export) {
    StringBuilder s = new StringBuilder();
    export.warnings().forEach(w -> s.append("warning: ").append(w).append('\n'));
    export.notes().forEach(n -> s.append("note: ").append(n).append('\n'));
    s.append("exported: ").append(export.counts().line()).append('\n');
    return s.toString();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
