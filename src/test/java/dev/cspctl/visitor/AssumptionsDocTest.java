package dev.cspctl.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README lists exactly the evaluator's assumptions, by id, so that changing one in code shows
 * in the docs.
 */
class AssumptionsDocTest {
  @Test
  void everyAssumptionIsInTheReadmesTableAndNoOtherIs() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String section =
        readme.substring(
            readme.indexOf("## Visitor tests"), readme.indexOf("## Credentials and regions"));
    long rows = section.lines().filter(l -> l.matches("\\| `[a-z-]+` \\|.*")).count();
    assertThat(rows).isEqualTo(Assumptions.ALL.size());
    for (Assumptions.Assumption a : Assumptions.ALL)
      assertThat(section).as(a.id()).contains("| `" + a.id() + "` |");
  }
}
