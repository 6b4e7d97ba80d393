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
import dev.cspctl.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden exports a reviewer can read: {@code src/test/resources/export/<case>/} holds {@code
 * live.json} (a live state with fixed uids), the expected files under {@code spec/}, and {@code
 * messages.txt} (the warnings and notes). A missing expected file fails; run with {@code
 * -Dcspctl.updateGolden=true} to (re)write them after a deliberate change ({@link Golden}). Each
 * expected folder must also load and plan against its live state as adoptions only.
 */
class GoldenExportTest {
  static final Path ROOT = Path.of("src/test/resources/export");
  static final ObjectMapper M = new ObjectMapper();
  static final ExportSettings SETTINGS =
      new ExportSettings(
          "65f0c0ffee0123456789abcd", "blt0123456789abcdef", "eu", null, List.of("en-us"));

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(ROOT)) {
      return s
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exportMatchesGoldenFiles(String name) throws IOException {
    Path dir = ROOT.resolve(name);
    LiveState live = M.readValue(dir.resolve("live.json").toFile(), LiveState.class);
    Export export = new Exporter().export(live, SETTINGS);
    Path expected = dir.resolve("spec");
    Golden.assertFolderMatches(expected, export.files());
    Golden.assertMatches(dir.resolve("messages.txt"), messages(export));
    // The same live state always gives the same files.
    assertThat(new Exporter().export(live, SETTINGS)).isEqualTo(export);

    DesiredState desired = new SpecLoader().load(expected);
    Plan plan = new Planner().plan(desired, live, new PlanOptions(false, Set.of()));
    assertThat(plan.changes())
        .isNotEmpty()
        .allSatisfy(
            c -> {
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
}
