package dev.cspctl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cspctl.plan.render.GitlabRenderer;
import dev.cspctl.plan.render.JsonRenderer;
import dev.cspctl.plan.render.MarkdownRenderer;
import dev.cspctl.plan.render.TextRenderer;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.state.LiveState;
import dev.cspctl.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden plans a reviewer can read: {@code src/test/resources/plans/<case>/} holds {@code spec/} (a
 * spec folder), {@code live.json} (a live state), optional {@code options.txt} ("prune"), and the
 * expected {@code plan.txt}, {@code plan.md}, {@code plan.json}, {@code plan.gitlab.json}. A
 * missing expected file fails; run with {@code -Dcspctl.updateGolden=true} to (re)write them after
 * a deliberate change ({@link Golden}).
 */
class GoldenPlanTest {
  static final Path ROOT = Path.of("src/test/resources/plans");
  static final ObjectMapper M = new ObjectMapper();

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
  void planMatchesGoldenFiles(String name) throws IOException {
    Path dir = ROOT.resolve(name);
    DesiredState desired = new SpecLoader().load(dir.resolve("spec"));
    LiveState live = M.readValue(dir.resolve("live.json").toFile(), LiveState.class);
    boolean prune =
        Files.exists(dir.resolve("options.txt"))
            && Files.readString(dir.resolve("options.txt")).contains("prune");
    Plan plan = new Planner().plan(desired, live, new PlanOptions(prune, Set.of()));
    Golden.assertMatches(dir.resolve("plan.txt"), new TextRenderer(false).render(plan));
    Golden.assertMatches(dir.resolve("plan.md"), new MarkdownRenderer().render(plan));
    Golden.assertMatches(dir.resolve("plan.json"), new JsonRenderer().render(plan));
    Golden.assertMatches(dir.resolve("plan.gitlab.json"), new GitlabRenderer().render(plan));
    // The same inputs always give the same plan.
    assertThat(new Planner().plan(desired, live, new PlanOptions(prune, Set.of()))).isEqualTo(plan);
  }
}
