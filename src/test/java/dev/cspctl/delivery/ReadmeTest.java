package dev.cspctl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README cannot rot: every fenced block marked {@code sh runnable} is run, in order, with
 * {@code bash -euo pipefail} in a copy of the repository whose {@code ./cspctl} runs this build's
 * classes, and must exit 0. Shell blocks that are not run are an explicit list here.
 */
class ReadmeTest {
  static final Path ROOT = Path.of("").toAbsolutePath();

  /** Shell blocks shown but not run, each with the reason. */
  static final Map<String, String> NOT_RUN =
      Map.of(
          "./mvnw -B verify\n", "the test command: it is what runs this test (.ci/run)",
          """
      docker run --rm -v "$PWD:/work" -e CONTENTSTACK_AUTHTOKEN -e CONTENTSTACK_MANAGEMENT_TOKEN \\
        registry.gitlab.com/cspctl/cspctl:0.1.0 plan specs/
      """,
              "needs Docker and a published image; DockerImageBuildTest covers the image");

  @TempDir Path tmp;

  /** A fenced block: its info string and its text. */
  record Block(String info, String text, int line) {
    boolean shell() {
      String lang = info.split("\\s+", -1)[0];
      return List.of("sh", "bash", "shell", "console", "zsh").contains(lang);
    }

    boolean runnable() {
      return shell() && List.of(info.split("\\s+")).contains("runnable");
    }
  }

  static List<Block> blocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith("```")) continue;
      String info = lines[i].substring(3).strip();
      int start = i + 1;
      StringBuilder text = new StringBuilder();
      for (i = start; i < lines.length && !lines[i].startsWith("```"); i++)
        text.append(lines[i]).append('\n');
      blocks.add(new Block(info, text.toString(), start));
    }
    return blocks;
  }

  @Test
  void theTwoSetUpCommandsAreThereVerbatimAndTheMainJobIsRun() throws IOException {
    List<Block> blocks = blocks(Files.readString(ROOT.resolve("README.md")));
    assertThat(blocks)
        .anySatisfy(
            b -> {
              assertThat(b.text())
                  .isEqualTo(
                      "./cspctl apply --sandbox --auto-approve specs/ && ./cspctl plan --sandbox specs/\n");
              assertThat(b.runnable()).isTrue();
            });
    assertThat(blocks).anySatisfy(b -> assertThat(b.text()).isEqualTo("./mvnw -B verify\n"));
    assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("\n./mvnw -B verify\n");
  }

  @Test
  void everyShellBlockIsRunnableOrListedAsNotRun() throws IOException {
    List<Block> shell =
        blocks(Files.readString(ROOT.resolve("README.md"))).stream().filter(Block::shell).toList();
    for (Block b : shell) {
      if (!b.runnable()) {
        assertThat(NOT_RUN)
            .as(
                "README.md:"
                    + b.line()
                    + " is a shell block that no test runs; mark it `sh runnable`")
            .containsKey(b.text());
      }
    }
    assertThat(shell.stream().filter(b -> !b.runnable()).map(Block::text).toList())
        .containsExactlyInAnyOrderElementsOf(NOT_RUN.keySet());
  }

  @Test
  void blocksThatNeedBashAreFencedAsBash() throws IOException {
    Pattern bashOnly =
        Pattern.compile("\\w+=\\(|\\$\\{\\w+\\[@]}|\\[\\[ |<<<|\\bfunction \\w|set -o pipefail");
    for (Block b : blocks(Files.readString(ROOT.resolve("README.md")))) {
      if (b.shell() && bashOnly.matcher(b.text()).find()) {
        assertThat(b.info()).as("README.md:" + b.line() + " uses bash syntax").startsWith("bash");
      }
    }
  }

  @Test
  void everyRunnableBlockRunsInOrderAndExitsZero() throws Exception {
    Path repo = tmp.resolve("repo");
    for (String dir : List.of("specs", "schemas"))
      TestFiles.copyTree(ROOT.resolve(dir), repo.resolve(dir));
    Shell.writeLauncher(repo.resolve("cspctl"));
    Map<String, String> env = Map.of("CSPCTL_SANDBOX_CMS_DELAY_MS", "20");

    List<Block> runnable =
        blocks(Files.readString(ROOT.resolve("README.md"))).stream()
            .filter(Block::runnable)
            .toList();
    assertThat(runnable).hasSizeGreaterThanOrEqualTo(8);
    StringBuilder all = new StringBuilder();
    for (Block b : runnable) {
      Shell.Result r = Shell.bash(repo, b.text(), env, Duration.ofSeconds(60));
      all.append("## README.md:").append(b.line()).append('\n').append(r.output());
      assertThat(r.exit())
          .as("README.md:" + b.line() + "\n" + b.text() + "\n--- output ---\n" + r.output())
          .isZero();
    }
    // What the tour promises is what happens, in this order.
    assertThat(all.toString())
        .containsSubsequence(
            "No changes. The live project matches the specs.", // set-up: the second plan
            "Valid: 10 resources", // tour: validate
            "Plan: 9 to add, 1 to change, 0 to delete, 0 to adopt.", // tour: plan on an empty
            // sandbox
            "Apply complete: 23 done, 0 failed, 0 skipped",
            "No changes.", // plan --detailed-exitcode
            "Plan tier (edited by hand)", // the PUT's reply
            "Drift found.",
            "### cspctl plan", // markdown
            "Saved the plan to plan.json",
            "In sync.",
            "Apply complete", // own tests: apply against the emulator
            "\"notice\":\"Emulator state reset.\"");
  }
}
