package dev.cspctl.cli;

import static dev.cspctl.cli.GitLabCiTest.job;
import static dev.cspctl.cli.GitLabCiTest.list;
import static dev.cspctl.cli.GitLabCiTest.map;
import static dev.cspctl.cli.GitLabCiTest.runJob;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cspctl.delivery.Shell;
import dev.cspctl.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI/CD components in templates/, checked the way GitLab checks a catalog project and a
 * pipeline that includes them (no GitLab here): the layout, every input declared with a description
 * and a default of its type and used, no input used but undeclared, no variable used that nothing
 * defines or documents; then the fan-out over two targets run like a runner.
 */
class GitLabComponentsTest {
  static final Path ROOT = GitLabCiTest.ROOT;
  static final Pattern COMPONENT = Pattern.compile("[a-z0-9][a-z0-9-]*");
  static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");

  /** GitLab's predefined variables the components read. */
  static final Set<String> PREDEFINED =
      Set.of("CI_PIPELINE_SOURCE", "CI_COMMIT_BRANCH", "CI_DEFAULT_BRANCH");

  static final Set<String> KEYWORDS =
      Set.of(
          "stage",
          "image",
          "variables",
          "interruptible",
          "needs",
          "rules",
          "script",
          "artifacts",
          "parallel",
          "environment",
          "resource_group",
          "allow_failure");

  @TempDir Path tmp;

  static List<String> components() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(ROOT.resolve("templates"))) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        if (Files.isDirectory(p)) {
          assertThat(p.resolve("template.yml"))
              .as("a component folder holds template.yml")
              .exists();
          names.add(n);
        } else {
          assertThat(n).as("templates/ holds only NAME.yml or NAME/template.yml").endsWith(".yml");
          names.add(n.substring(0, n.length() - 4));
        }
      }
    }
    return names;
  }

  static String file(String component) {
    Path dir = ROOT.resolve("templates").resolve(component);
    return Files.isDirectory(dir)
        ? "templates/" + component + "/template.yml"
        : "templates/" + component + ".yml";
  }

  @Test
  void layoutIsACatalogProject() throws IOException {
    List<String> names = components();
    assertThat(names).containsExactly("apply", "drift", "plan", "validate");
    assertThat(names).allMatch(n -> COMPONENT.matcher(n).matches()).hasSizeLessThanOrEqualTo(100);
    assertThat(ROOT.resolve("README.md"))
        .exists()
        .content()
        .contains("include:")
        .contains("component:");
  }

  @Test
  void everyInputIsDeclaredDescribedTypedAndUsedAndNoneIsUsedUndeclared() throws IOException {
    GitLabCiComposer composer = new GitLabCiComposer(ROOT);
    for (String c : components()) {
      GitLabCiComposer.Template t = composer.template(file(c));
      assertThat(t.spec()).as(c + ": spec header").isNotNull().containsKey("inputs");
      assertThat(String.valueOf(t.spec().get("description"))).as(c).isNotBlank();
      Set<String> used = new LinkedHashSet<>();
      Matcher m = GitLabCiComposer.INPUT_REF.matcher(t.body());
      while (m.find()) used.add(m.group(1));
      assertThat(used).as(c + ": inputs used but not declared").isSubsetOf(t.inputs().keySet());
      assertThat(t.inputs().keySet()).as(c + ": inputs declared but not used").isSubsetOf(used);
      t.inputs()
          .forEach(
              (name, decl) -> {
                assertThat(name).matches("[a-z][a-z0-9-]*");
                assertThat(String.valueOf(decl.get("description")))
                    .as(c + "." + name + " description")
                    .isNotBlank()
                    .isNotEqualTo("null");
                assertThat(decl)
                    .as(c + "." + name + ": a default, so the component works with no inputs")
                    .containsKey("default");
                assertThat(String.valueOf(decl.getOrDefault("type", "string")))
                    .isIn("string", "number", "boolean", "array");
              });
      Map<String, Object> body = composer.compose(file(c));
      assertThat(body.toString()).as(c + ": nothing left to interpolate").doesNotContain("$[[");
      for (var e : body.entrySet()) {
        assertThat(e.getKey())
            .as(c + ": a component defines jobs only, no global keywords")
            .startsWith("cspctl:");
        Map<String, Object> j = map(e.getValue());
        assertThat(KEYWORDS)
            .as(c + " " + e.getKey() + ": known job keywords")
            .containsAll(j.keySet());
        assertThat(j.get("stage")).isEqualTo(t.inputs().get("stage").get("default"));
        assertThat(map(j.get("image")).get("name"))
            .isEqualTo(t.inputs().get("image").get("default"));
        assertThat(list(j.get("script"))).isNotEmpty();
      }
    }
  }

  @Test
  void noVariableIsUsedThatNothingDefinesOrDocuments() throws IOException {
    GitLabCiComposer composer = new GitLabCiComposer(ROOT);
    for (String c : components()) {
      String header =
          Files.readString(ROOT.resolve(file(c)))
              .lines()
              .takeWhile(l -> l.startsWith("#"))
              .reduce("", String::concat);
      Map<String, Object> body = composer.compose(file(c));
      for (var e : body.entrySet()) {
        Map<String, Object> j = map(e.getValue());
        Set<String> defined = new LinkedHashSet<>(PREDEFINED);
        if (j.get("variables") != null) defined.addAll(map(j.get("variables")).keySet());
        for (Map<String, String> row : GitLabCiComposer.matrix(j)) defined.addAll(row.keySet());
        List<String> strings = new ArrayList<>();
        collect(j, strings);
        for (String s : strings) {
          Matcher m = VARIABLE.matcher(s);
          while (m.find()) {
            String v = m.group(1);
            if (defined.contains(v)) continue;
            assertThat(header)
                .as(
                    c
                        + " "
                        + e.getKey()
                        + ": $"
                        + v
                        + " is defined nowhere; a user variable must be documented in the"
                        + " component's header")
                .contains(v);
          }
        }
      }
    }
  }

  /** The all-in-one template passes variable references as inputs: each must be one it defines. */
  @Test
  void theAllInOneTemplateDefinesEveryVariableItPassesOrDocumentsIt() throws IOException {
    Map<String, Object> ci = new GitLabCiComposer(ROOT).compose("ci/cspctl.gitlab-ci.yml");
    String text = Files.readString(ROOT.resolve("ci/cspctl.gitlab-ci.yml"));
    Set<String> global = map(ci.get("variables")).keySet();
    for (var e : ci.entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?>) || e.getKey().equals("variables")) continue;
      Map<String, Object> j = map(e.getValue());
      Set<String> defined = new LinkedHashSet<>(PREDEFINED);
      defined.addAll(global);
      if (j.get("variables") != null) defined.addAll(map(j.get("variables")).keySet());
      for (Map<String, String> row : GitLabCiComposer.matrix(j)) defined.addAll(row.keySet());
      List<String> strings = new ArrayList<>();
      collect(j, strings);
      for (String str : strings) {
        Matcher m = VARIABLE.matcher(str);
        while (m.find()) {
          if (!defined.contains(m.group(1)))
            assertThat(text)
                .as(e.getKey() + ": $" + m.group(1) + " documented")
                .contains(m.group(1));
        }
      }
    }
  }

  @Test
  void inputsAreCheckedAsGitLabChecksThem() {
    GitLabCiComposer composer = new GitLabCiComposer(ROOT);
    assertThatThrownBy(
            () -> composer.compose("templates/plan.yml", Map.of("target", List.of("eu"))))
        .hasMessageContaining("unknown input 'target'");
    assertThatThrownBy(() -> composer.compose("templates/plan.yml", Map.of("targets", "eu")))
        .hasMessageContaining("must be a array");
    assertThatThrownBy(
            () -> composer.compose("templates/drift.yml", Map.of("drift-failure", "ignore")))
        .hasMessageContaining("must be one of [fail, warn]");
    assertThatThrownBy(() -> composer.compose("templates/apply.yml", Map.of("auto-apply", "yes")))
        .hasMessageContaining("boolean");
  }

  @Test
  void theReportsAreWiredToGitLab() throws IOException {
    GitLabCiComposer composer = new GitLabCiComposer(ROOT);
    Map<String, Object> validate = composer.compose("templates/validate.yml");
    assertThat(map(map(job(validate, "cspctl:validate").get("artifacts")).get("reports")))
        .containsEntry("codequality", "gl-code-quality-report.json");
    assertThat(map(job(validate, "cspctl:validate").get("artifacts")))
        .containsEntry("when", "always");
    assertThat(map(map(job(validate, "cspctl:test").get("artifacts")).get("reports")))
        .containsEntry("junit", "cspctl-junit.xml");
    Map<String, Object> plan =
        composer.compose(
            "templates/plan.yml", Map.of("targets", List.of("us", "eu"), "comment", true));
    assertThat(GitLabCiComposer.matrix(job(plan, "cspctl:plan")))
        .extracting(r -> r.get("CSPCTL_TARGET"))
        .containsExactly("us", "eu");
    assertThat(map(job(plan, "cspctl:plan-comment").get("variables")))
        .containsEntry("CSPCTL_INPUT_COMMENT", "true");
    assertThat(GitLabCiTest.script(job(plan, "cspctl:plan-comment")))
        .containsExactly("cspctl comment cspctl-plans/*.plan.md");
    Map<String, Object> apply =
        composer.compose(
            "templates/apply.yml", Map.of("targets", List.of("us", "eu"), "auto-apply", true));
    assertThat(GitLabCiComposer.matrix(job(apply, "cspctl:apply"))).hasSize(2);
    assertThat(map(job(apply, "cspctl:apply").get("environment")).get("name"))
        .isEqualTo("cspctl/$CSPCTL_TARGET");
    assertThat(job(apply, "cspctl:apply").get("resource_group")).isEqualTo("cspctl-$CSPCTL_TARGET");
  }

  /**
   * Two targets fanned out like GitLab's parallel:matrix, each job against its own sandbox project.
   */
  @Test
  void twoTargetsFanOutAndEachJobTouchesOnlyItsTarget() throws Exception {
    GitLabCiComposer composer = new GitLabCiComposer(ROOT);
    Map<String, Object> ci = new HashMap<>();
    for (String c : List.of("validate", "plan", "apply")) {
      ci.putAll(
          composer.compose(
              file(c),
              c.equals("apply")
                  ? Map.of("targets", List.of("us", "eu"))
                  : c.equals("plan")
                      ? Map.of("targets", List.of("us", "eu"), "spec-dir", "specs")
                      : Map.of()));
    }
    Path repo = tmp.resolve("spec-repo");
    TestFiles.copyTree(ROOT.resolve("examples/two-targets"), repo.resolve("specs"));
    Shell.writeLauncher(tmp.resolve("bin/cspctl"));
    Map<String, String> env =
        Map.of(
            "PATH",
            tmp.resolve("bin") + ":" + System.getenv("PATH"),
            "CSPCTL_SANDBOX",
            "1",
            "CSPCTL_SANDBOX_CMS_DELAY_MS",
            "20",
            "CSPCTL_SANDBOX_STATE",
            tmp.resolve("live/sandbox.json").toString());

    List<Map<String, String>> rows = GitLabCiComposer.matrix(job(ci, "cspctl:plan"));
    assertThat(rows).hasSize(2);
    for (Map<String, String> row : rows) {
      Shell.Result plan = runJob(ci, "cspctl:plan", repo, env, row);
      assertThat(plan.exit()).as(plan.output()).isZero();
    }
    ObjectMapper m = new ObjectMapper();
    JsonNode us = m.readTree(repo.resolve("cspctl-plans/us.plan.json").toFile());
    JsonNode eu = m.readTree(repo.resolve("cspctl-plans/eu.plan.json").toFile());
    assertThat(us.path("saved").path("target").path("project").asText())
        .isEqualTo("65f0c0ffee0123456789a001");
    assertThat(eu.path("saved").path("target").path("project").asText())
        .isEqualTo("65f0c0ffee0123456789e001");
    assertThat(TwoTargetsTest.upsertEntries(eu)).containsOnly("blt1111111111111111");
    assertThat(repo.resolve("cspctl-html/us.plan.html"))
        .content()
        .contains("<title>cspctl plan: us</title>");
    assertThat(repo.resolve("cspctl-html/eu.plan.html"))
        .content()
        .contains("<title>cspctl plan: eu</title>");
    assertThat(repo.resolve("cspctl-plans/eu.plan.gitlab.json"))
        .content()
        .isEqualTo("{\"create\":9,\"update\":1,\"delete\":0}\n");

    Shell.Result applyEu = runJob(ci, "cspctl:apply", repo, env, Map.of("CSPCTL_TARGET", "eu"));
    assertThat(applyEu.exit()).as(applyEu.output()).isZero();
    assertThat(tmp.resolve("live/sandbox-eu.json")).exists();
    // us was planned (its sandbox state saved) but never applied: it still has everything to do.
    Map<String, String> inProcess = new HashMap<>(env);
    inProcess.remove("PATH");
    java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
    String specs = repo.resolve("specs").toString();
    assertThat(
            Cli.run(
                new String[] {"plan", specs, "--target", "us", "--detailed-exitcode"},
                new java.io.PrintStream(sink),
                new java.io.PrintStream(sink),
                inProcess))
        .as(sink.toString(UTF_8))
        .isEqualTo(2);
    assertThat(
            Cli.run(
                new String[] {"plan", specs, "--target", "eu", "--detailed-exitcode"},
                new java.io.PrintStream(sink),
                new java.io.PrintStream(sink),
                inProcess))
        .as(sink.toString(UTF_8))
        .isZero();
  }

  @Test
  void anInvalidSpecFailsTheValidateJobAndStillWritesTheCodeQualityReport() throws Exception {
    Map<String, Object> ci = new GitLabCiComposer(ROOT).compose("templates/validate.yml");
    Path repo = tmp.resolve("spec-repo");
    TestFiles.copyTree(ROOT.resolve("specs"), repo.resolve("specs"));
    Files.writeString(
        repo.resolve("specs/broken.yaml"), "kind: Audience\nname: Broken\nrules: 3\n");
    Shell.writeLauncher(tmp.resolve("bin/cspctl"));
    Map<String, String> env =
        Map.of(
            "PATH",
            tmp.resolve("bin") + ":" + System.getenv("PATH"),
            "CI_PROJECT_DIR",
            repo.toString());
    Shell.Result r = runJob(ci, "cspctl:validate", repo, env, Map.of());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.output()).contains("error: specs/broken.yaml:3:");
    JsonNode report =
        GitLabFormats.assertValid(
            "codequality.schema.json",
            Files.readString(repo.resolve("gl-code-quality-report.json")));
    assertThat(report).isNotEmpty();
    assertThat(report.get(0).path("location").path("path").asText()).isEqualTo("specs/broken.yaml");
  }

  @SuppressWarnings("unchecked")
  static void collect(Object o, List<String> out) {
    if (o instanceof Map<?, ?> m) m.values().forEach(v -> collect(v, out));
    else if (o instanceof List<?> l) l.forEach(v -> collect(v, out));
    else if (o instanceof String s) out.add(s);
  }
}
