package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error messages report the real problem, on one line each, in words. */
class MessagesTest {
  @TempDir Path tmp;

  static final String PROJECT = "project: 65f0c0ffee0123456789abcd\n";

  Path folder(Map<String, String> files) throws Exception {
    Path dir = tmp.resolve("specs");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("cspctl.yaml"), PROJECT);
    for (var f : files.entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue());
    return dir;
  }

  static Run run(Map<String, String> env, String... args) {
    return CliHarness.run(env, args);
  }

  @Test
  void anInvalidExperienceIsReportedOnceNotAgainOnThePriority() throws Exception {
    Path dir =
        folder(
            Map.of(
                "audience.yaml",
                    "kind: Audience\nname: Mobile\nrules:\n  - preset: DEVICE_TYPE\n    condition: equals\n    value: MOBILE\n",
                "experience.yaml",
                    """
                           kind: Experience
                           name: Hero
                           type: segmented
                           variants:
                             - name: A
                               audiences: [Mobile]
                               colour: red
                           """,
                "priority.yaml", "kind: Priority\norder: [Hero]\n"));
    Run r = CliHarness.run("validate", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("experience.yaml:7:5")
        .contains("unknown field 'colour'")
        .doesNotContain("no Experience named")
        .contains("1 error found.");
  }

  @Test
  void newlinesInFileNamesAndValuesAreShownEscaped() throws Exception {
    Path dir = folder(Map.of("bad\nname.yaml", "kind: Attribute\nkey: \"plan\\ntier\"\nname: x\n"));
    Run r = CliHarness.run("validate", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("bad\\nname.yaml:2:6: key: ");
    assertThat(r.err().lines()).hasSize(2).last().isEqualTo("1 error found.");
  }

  @Test
  void yaml11BooleansInBooleanFieldsAreErrors() throws Exception {
    Path dir = folder(Map.of("a.yaml", "kind: Attribute\nkey: a\nname: A\n"));
    for (String word : new String[] {"yes", "on", "no", "off", "y", "Yes"}) {
      Files.writeString(dir.resolve("cspctl.yaml"), PROJECT + "prune: " + word + "\n");
      Run r = CliHarness.run("validate", dir.toString());
      assertThat(r.exit()).as(word).isEqualTo(1);
      assertThat(r.err())
          .as(word)
          .contains("cspctl.yaml:2:8: prune: ")
          .contains("'" + word + "'")
          .contains("true or false");
    }
  }

  @Test
  void connectionFailuresAreWordsNotJavaTypes() throws Exception {
    Run r =
        run(
            Map.of("CONTENTSTACK_AUTHTOKEN", "t"),
            "plan",
            "--personalize-url",
            "http://127.0.0.1:1",
            "--cma-url",
            "http://127.0.0.1:1",
            "specs");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("connection refused")
        .doesNotContain("Exception")
        .doesNotContain("java.");
  }
}
