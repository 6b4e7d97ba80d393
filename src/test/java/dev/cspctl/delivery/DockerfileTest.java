package dev.cspctl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile's structure, checked without Docker: stages, user, entrypoint, labels, no secrets.
 */
class DockerfileTest {
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final Pattern SECRET =
      Pattern.compile("(?i).*(token|password|passwd|secret|api_?key|credential|authtoken).*");

  /** One Dockerfile instruction (continuation lines joined). */
  record Instruction(String keyword, String args) {}

  static List<List<Instruction>> stages;

  @BeforeAll
  static void parse() throws IOException {
    stages = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : Files.readAllLines(ROOT.resolve("Dockerfile"))) {
      if (pending.isEmpty() && (line.isBlank() || line.stripLeading().startsWith("#"))) continue;
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      String full = (pending + line).strip();
      pending.setLength(0);
      String[] parts = full.split("\\s+", 2);
      Instruction i =
          new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
      if (i.keyword().equals("FROM")) stages.add(new ArrayList<>());
      assertThat(stages).as("instruction before the first FROM: " + full).isNotEmpty();
      stages.get(stages.size() - 1).add(i);
    }
  }

  static List<String> args(List<Instruction> stage, String keyword) {
    return stage.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::args).toList();
  }

  static List<Instruction> last() {
    return stages.get(stages.size() - 1);
  }

  @Test
  void buildsWithTheMavenWrapperOnAJdkAndRunsOnASlimJre17() {
    assertThat(stages).hasSize(2);
    assertThat(stages.get(0).get(0).args()).isEqualTo("eclipse-temurin:17-jdk AS build");
    assertThat(args(stages.get(0), "RUN"))
        .anyMatch(r -> r.startsWith("./mvnw ") && r.contains(" package"));
    assertThat(last().get(0).args()).isEqualTo("eclipse-temurin:17-jre AS runtime");
  }

  @Test
  void finalStageHoldsOnlyTheJarAndItsLauncherNoBuildToolsOrSources() {
    List<String> copies = args(last(), "COPY");
    assertThat(copies)
        .containsExactly(
            "--from=build /src/target/cspctl.jar /opt/cspctl/cspctl.jar",
            "--from=build /src/src/launcher/cspctl-jvm /opt/cspctl/cspctl-jvm");
    assertThat(args(last(), "ADD")).isEmpty();
    for (Instruction i : last()) {
      assertThat(i.args())
          .as(i.keyword() + " " + i.args())
          .doesNotContain("mvnw")
          .doesNotContain("apt-get install")
          .doesNotContain(".m2")
          .doesNotContain("maven");
    }
    assertThat(args(last(), "RUN"))
        .anyMatch(
            r ->
                r.contains("> /usr/local/bin/cspctl")
                    && r.contains(
                        "exec /opt/cspctl/cspctl-jvm run /opt/cspctl/cspctl.jar /opt/cspctl/cspctl.jsa \"$@\""));
  }

  @Test
  void trainsAClassDataSharingArchiveInTheRuntimeStageWithTheLauncherScriptOfCspctl()
      throws IOException {
    List<String> runs = args(last(), "RUN");
    // made by the runtime stage's JVM (an archive maps only into the JVM that made it), from specs
    // bind-mounted from the build stage, never copied into the image, by the script ./cspctl uses
    // (LauncherCdsTest: trained once, dropped when damaged or stale, never a failed start)
    assertThat(runs)
        .anyMatch(
            r ->
                r.startsWith("--mount=type=bind,from=build,source=/src/specs,target=/tmp/specs ")
                    && r.endsWith(
                        "/opt/cspctl/cspctl-jvm cds /opt/cspctl/cspctl.jar /opt/cspctl/cspctl.jsa /tmp/specs"));
    assertThat(args(stages.get(0), "COPY"))
        .contains("specs/ specs/", "src/launcher/ src/launcher/");
    assertThat(Files.readString(ROOT.resolve("cspctl")))
        .contains("src/launcher/cspctl-jvm\" cds ", "src/launcher/cspctl-jvm\" run ");
    // the JVM options and the archive's flags are in that one script, nowhere else
    String launcher = Files.readString(ROOT.resolve("src/launcher/cspctl-jvm"));
    assertThat(launcher)
        .contains(
            "-XX:ArchiveClassesAtExit=",
            "-Xshare:on",
            "-XX:SharedArchiveFile=",
            "-XX:TieredStopAtLevel=1");
    for (String other : List.of("cspctl", "Dockerfile")) {
      assertThat(Files.readString(ROOT.resolve(other))).as(other).doesNotContain("-XX:");
    }
  }

  @Test
  void runsAsANonRootUserWithCspctlAsTheExecFormEntrypoint() {
    List<String> users = args(last(), "USER");
    assertThat(users).isNotEmpty();
    String user = users.get(users.size() - 1).split(":", -1)[0];
    assertThat(user).isNotIn("root", "0");
    assertThat(args(last(), "ENTRYPOINT")).containsExactly("[\"cspctl\"]");
    // USER comes after every RUN: nothing runs as root once the user is set, and the user is last.
    int userAt =
        last()
            .indexOf(
                last().stream()
                    .filter(i -> i.keyword().equals("USER"))
                    .reduce((a, b) -> b)
                    .orElseThrow());
    assertThat(last().subList(userAt, last().size())).noneMatch(i -> i.keyword().equals("RUN"));
  }

  @Test
  void noSecretLookingEnvOrArgInAnyStage() {
    for (List<Instruction> stage : stages) {
      for (Instruction i : stage) {
        if (i.keyword().equals("ENV") || i.keyword().equals("ARG")) {
          String name = i.args().split("[=\\s]", 2)[0];
          assertThat(name).as(i.keyword() + " " + i.args()).doesNotMatch(SECRET);
        }
      }
    }
  }

  @Test
  void hasOciLabels() {
    String labels = String.join(" ", args(last(), "LABEL"));
    for (String key : List.of("title", "description", "version", "licenses", "source")) {
      assertThat(labels).contains("org.opencontainers.image." + key + "=");
    }
  }

  @Test
  void dockerignoreKeepsTheContextToWhatTheBuildCopies() throws IOException {
    List<String> lines =
        Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList();
    assertThat(lines.get(0)).isEqualTo("*");
    assertThat(lines).contains("!.mvn/", "!mvnw", "!pom.xml", "!schemas/", "!src/main/");
    assertThat(lines)
        .noneMatch(
            l ->
                l.contains("target")
                    || l.contains(".cspctl")
                    || l.contains(".git")
                    || l.contains(".m2"));
    // Every path the build stage copies is let in.
    for (String copy : args(stages.get(0), "COPY")) {
      String[] parts = copy.strip().split("\\s+", -1);
      for (int k = 0; k < parts.length - 1; k++) {
        String src = parts[k];
        assertThat(lines)
            .as("COPY " + src)
            .anyMatch(l -> l.equals("!" + src) || src.startsWith(l.substring(1)));
      }
    }
  }
}
