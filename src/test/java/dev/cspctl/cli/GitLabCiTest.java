package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.api.personalize.AudienceInput;
import dev.cspctl.delivery.Shell;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
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
import picocli.CommandLine;

/**
 * No GitLab runner exists where cspctl is built, so the two CI files are checked here: parsed with
 * SnakeYAML, their jobs, rules, artifacts and guards asserted, the template's cspctl commands
 * parsed by the real picocli command line, and its plan/apply/drift scripts run against the sandbox
 * as a runner would run them.
 */
class GitLabCiTest {
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final String MR = "$CI_PIPELINE_SOURCE == \"merge_request_event\"";
  static final String SCHEDULE = "$CI_PIPELINE_SOURCE == \"schedule\"";
  static final String DEFAULT_BRANCH = "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH";

  /** The credential variables of cli.md: documented in the template, never given a value. */
  static final List<String> SECRETS =
      List.of(
          "CONTENTSTACK_AUTHTOKEN",
          "CONTENTSTACK_OAUTH_TOKEN",
          "CONTENTSTACK_EMAIL",
          "CONTENTSTACK_PASSWORD",
          "CONTENTSTACK_TFA_TOKEN",
          "CONTENTSTACK_MANAGEMENT_TOKEN",
          "CONTENTSTACK_API_KEY",
          "CONTENTSTACK_PERSONALIZE_PROJECT_UID");

  static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(token|password|secret|passwd|api_key|authtoken).*");

  @TempDir Path tmp;

  /** The file as GitLab sees it: includes resolved, inputs interpolated (GitLabCiComposer). */
  static Map<String, Object> load(String file) throws IOException {
    return new GitLabCiComposer(ROOT).compose(file);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    assertThat(o).isInstanceOf(List.class);
    return (List<Object>) o;
  }

  static List<Map<String, Object>> rules(Map<String, Object> job) {
    return list(job.get("rules")).stream().map(GitLabCiTest::map).toList();
  }

  static List<String> script(Map<String, Object> job) {
    return list(job.get("script")).stream().map(String::valueOf).toList();
  }

  /** The job with its {@code extends} base merged under it (one level, as the template uses). */
  static Map<String, Object> job(Map<String, Object> ci, String name) {
    Map<String, Object> job = new java.util.LinkedHashMap<>(map(ci.get(name)));
    Object base = job.get("extends");
    if (base != null) {
      Map<String, Object> merged = new java.util.LinkedHashMap<>(map(ci.get(String.valueOf(base))));
      merged.putAll(job);
      return merged;
    }
    return job;
  }

  @Test
  void ownPipelineTestsWithTheReadmeCommandCachesMavenAndPublishesTheImage() throws IOException {
    Map<String, Object> ci = load(".gitlab-ci.yml");
    assertThat(list(ci.get("stages"))).containsExactly("test", "publish");
    assertThat(map(ci.get("variables")).get("MAVEN_OPTS").toString())
        .contains("-Dmaven.repo.local=$CI_PROJECT_DIR/.m2/repository");
    assertThat(ci)
        .as("the template is for spec repositories, not for cspctl itself")
        .doesNotContainKey("include");

    Map<String, Object> test = job(ci, "test");
    assertThat(test.get("image")).isEqualTo("eclipse-temurin:17-jdk");
    assertThat(script(test)).containsExactly("bash .ci/run");
    assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("./mvnw -B verify");
    assertThat(Files.readString(ROOT.resolve("README.md"))).contains("./mvnw -B verify");
    assertThat(list(map(test.get("cache")).get("paths"))).contains(".m2/repository");

    Map<String, Object> publish = job(ci, "publish-image");
    assertThat(publish.get("stage")).isEqualTo("publish");
    assertThat(String.join("\n", script(publish)))
        .contains("docker login -u \"$CI_REGISTRY_USER\" --password-stdin \"$CI_REGISTRY\"")
        .contains("docker build")
        .contains("-t \"$CI_REGISTRY_IMAGE:")
        .contains("docker push \"$CI_REGISTRY_IMAGE:");
    List<String> ifs = rules(publish).stream().map(r -> String.valueOf(r.get("if"))).toList();
    assertThat(ifs).containsExactly("$CI_COMMIT_TAG", DEFAULT_BRANCH);
    assertThat(String.valueOf(publish.get("services"))).contains("dind");
    assertNoSecretValues(ci);
  }

  @Test
  void templateHasTheJobsStagesAndVariables() throws IOException {
    Map<String, Object> t = load("ci/cspctl.gitlab-ci.yml");
    assertThat(list(t.get("stages"))).containsExactly("validate", "plan", "apply");
    Map<String, Object> vars = map(t.get("variables"));
    assertThat(vars)
        .containsEntry("CSPCTL_SPEC_DIR", "specs")
        .containsKey("CSPCTL_IMAGE")
        .containsEntry("CSPCTL_AUTO_APPLY", "false")
        .containsEntry("CSPCTL_DRIFT_ALLOW_FAILURE", "false")
        .containsEntry("CSPCTL_PLAN_COMMENT", "false");
    assertThat(t)
        .containsKeys(
            "cspctl:validate",
            "cspctl:test",
            "cspctl:plan",
            "cspctl:plan-comment",
            "cspctl:apply",
            "cspctl:drift");
    for (String name :
        List.of(
            "cspctl:validate",
            "cspctl:test",
            "cspctl:plan",
            "cspctl:plan-comment",
            "cspctl:apply",
            "cspctl:drift")) {
      Map<String, Object> image = map(job(t, name).get("image"));
      assertThat(image).as(name).containsEntry("name", "$CSPCTL_IMAGE");
      assertThat(list(image.get("entrypoint")))
          .as("a shell, not cspctl's ENTRYPOINT")
          .containsExactly("");
      assertThat(map(job(t, name).get("variables"))).containsEntry("NO_COLOR", "1");
    }
    assertThat(String.join("\n", script(job(t, "cspctl:validate"))))
        .contains("cspctl validate \"$CSPCTL_SPEC_DIR\"");
    assertThat(job(t, "cspctl:validate").get("stage")).isEqualTo("validate");
    assertThat(job(t, "cspctl:plan").get("stage")).isEqualTo("plan");
    assertThat(job(t, "cspctl:apply").get("stage")).isEqualTo("apply");
  }

  @Test
  void validateAndPlanRunOnMergeRequestsAndTheDefaultBranchNeverOnSchedules() throws IOException {
    Map<String, Object> t = load("ci/cspctl.gitlab-ci.yml");
    for (String name : List.of("cspctl:validate", "cspctl:plan")) {
      List<Map<String, Object>> rules = rules(job(t, name));
      assertThat(rules)
          .extracting(r -> r.get("if"))
          .containsExactly(MR, "$CI_PIPELINE_SOURCE != \"schedule\" && " + DEFAULT_BRANCH);
      assertThat(rules).allSatisfy(r -> assertThat(r).doesNotContainKey("when"));
    }
  }

  @Test
  void planReadsOnceAndRendersTheMarkdownTheTerraformCountsAndTheHtmlFromThatOneSavedPlan()
      throws IOException {
    Map<String, Object> plan = job(load("ci/cspctl.gitlab-ci.yml"), "cspctl:plan");
    List<String> lines = script(plan);
    assertThat(lines.stream().filter(l -> l.startsWith("cspctl plan ")))
        .as("the APIs are read once")
        .containsExactly(
            "cspctl plan \"$CSPCTL_SPEC_DIR\" --out \"cspctl-plans/$CSPCTL_TARGET.plan.json\"");
    String script = String.join("\n", lines);
    assertThat(script)
        .contains(
            "cspctl show \"cspctl-plans/$CSPCTL_TARGET.plan.json\" --format markdown > \"cspctl-plans/$CSPCTL_TARGET.plan.md\"")
        .contains(
            "cspctl show \"cspctl-plans/$CSPCTL_TARGET.plan.json\" --format gitlab > \"cspctl-plans/$CSPCTL_TARGET.plan.gitlab.json\"")
        .contains(
            "cspctl show \"cspctl-plans/$CSPCTL_TARGET.plan.json\" --format html > \"cspctl-html/$CSPCTL_TARGET.plan.html\"");
    Map<String, Object> artifacts = map(plan.get("artifacts"));
    assertThat(list(artifacts.get("paths"))).containsExactly("cspctl-html/", "cspctl-plans/");
    assertThat(artifacts).containsEntry("expose_as", "cspctl plan report");
    assertThat(map(artifacts.get("reports")))
        .containsEntry("terraform", "cspctl-plans/*.plan.gitlab.json");
    assertThat(list(plan.get("needs"))).isEmpty();
    assertThat(GitLabCiComposer.matrix(plan)).containsExactly(Map.of("CSPCTL_TARGET", "default"));
  }

  @Test
  void applyRunsTheSavedPlanOfThisPipelineOnTheDefaultBranchManualByDefaultOneAtATime()
      throws IOException {
    Map<String, Object> apply = job(load("ci/cspctl.gitlab-ci.yml"), "cspctl:apply");
    assertThat(apply).containsEntry("resource_group", "cspctl-$CSPCTL_TARGET");
    assertThat(map(apply.get("environment")))
        .containsEntry("name", "cspctl/$CSPCTL_TARGET")
        .containsEntry("action", "start");
    Map<String, Object> need = map(list(apply.get("needs")).get(0));
    assertThat(need).containsEntry("job", "cspctl:plan").containsEntry("artifacts", true);
    assertThat(script(apply))
        .containsExactly("cspctl apply --auto-approve \"cspctl-plans/$CSPCTL_TARGET.plan.json\"");
    List<Map<String, Object>> rules = rules(apply);
    assertThat(rules.get(0)).containsEntry("when", "never");
    assertThat(String.valueOf(rules.get(0).get("if")))
        .contains(SCHEDULE)
        .contains("merge_request_event");
    assertThat(rules.get(1))
        .containsEntry(
            "if",
            DEFAULT_BRANCH
                + " && ($CSPCTL_INPUT_AUTO_APPLY == \"true\" || $CSPCTL_AUTO_APPLY == \"true\")")
        .containsEntry("when", "on_success");
    assertThat(map(apply.get("variables"))).containsEntry("CSPCTL_INPUT_AUTO_APPLY", "false");
    assertThat(rules.get(2))
        .as("manual unless CSPCTL_AUTO_APPLY opts out")
        .containsEntry("if", DEFAULT_BRANCH)
        .containsEntry("when", "manual");
    assertThat(rules).hasSize(3);
    assertThat(apply).containsEntry("interruptible", false);
  }

  @Test
  void driftRunsOnSchedulesAndExitTwoIsAFailureOrAWarningPerTheVariable() throws IOException {
    Map<String, Object> drift = job(load("ci/cspctl.gitlab-ci.yml"), "cspctl:drift");
    assertThat(list(map(drift.get("allow_failure")).get("exit_codes"))).containsExactly(2);
    List<Map<String, Object>> rules = rules(drift);
    assertThat(rules).hasSize(2);
    // Allowed to fail (exit 2 only) when the variable says so: the job-level exit codes apply.
    assertThat(rules.get(0))
        .containsOnlyKeys("if")
        .containsEntry(
            "if",
            SCHEDULE
                + " && ($CSPCTL_INPUT_DRIFT_FAILURE == \"warn\" || $CSPCTL_DRIFT_ALLOW_FAILURE == \"true\")");
    // Otherwise rules:allow_failure false replaces them: drift fails the job.
    assertThat(rules.get(1)).containsEntry("if", SCHEDULE).containsEntry("allow_failure", false);
    assertThat(map(drift.get("variables"))).containsEntry("CSPCTL_INPUT_DRIFT_FAILURE", "fail");
    assertThat(script(drift))
        .containsExactly(
            "mkdir -p cspctl-drift",
            "cspctl drift \"$CSPCTL_SPEC_DIR\" --format markdown --report \"cspctl-drift/$CSPCTL_TARGET.drift.md\"");
    Map<String, Object> artifacts = map(drift.get("artifacts"));
    assertThat(artifacts).containsEntry("when", "always");
    assertThat(list(artifacts.get("paths"))).containsExactly("cspctl-drift/");
  }

  @Test
  void noSecretIsGivenAValueOrPrintedAndEverySecretIsDocumented() throws IOException {
    Map<String, Object> t = load("ci/cspctl.gitlab-ci.yml");
    assertNoSecretValues(t);
    String text = Files.readString(ROOT.resolve("ci/cspctl.gitlab-ci.yml"));
    for (String secret : SECRETS)
      assertThat(text).as("documented in the comments").contains("#   " + secret.substring(0, 12));
    assertThat(text)
        .contains("CONTENTSTACK_AUTHTOKEN")
        .contains("CONTENTSTACK_OAUTH_TOKEN")
        .contains("CONTENTSTACK_EMAIL + CONTENTSTACK_PASSWORD")
        .contains("CONTENTSTACK_MANAGEMENT_TOKEN")
        .contains("CONTENTSTACK_API_KEY")
        .contains("CONTENTSTACK_PERSONALIZE_PROJECT_UID")
        .contains("masked");
    for (String line : allScriptLines(t)) {
      assertThat(line)
          .doesNotContain("CONTENTSTACK_")
          .doesNotContain("set -x")
          .doesNotContainIgnoringCase("printenv");
      assertThat(line).doesNotMatch("^\\s*env\\b.*");
    }
  }

  /** Every variables block (global, job, rule) is free of secret-looking names. */
  static void assertNoSecretValues(Map<String, Object> ci) {
    List<Map<String, Object>> blocks = new ArrayList<>();
    if (ci.get("variables") != null) blocks.add(map(ci.get("variables")));
    for (Object v : ci.values()) {
      if (!(v instanceof Map<?, ?> job)) continue;
      if (job.get("variables") instanceof Map<?, ?> m) blocks.add(map(m));
      if (job.get("rules") instanceof List<?> rs) {
        for (Object r : rs)
          if (map(r).get("variables") != null) blocks.add(map(map(r).get("variables")));
      }
    }
    for (Map<String, Object> block : blocks) {
      for (String name : block.keySet()) {
        assertThat(name)
            .as("variable given a literal value in CI YAML")
            .isNotIn(SECRETS)
            .doesNotMatch(SECRET_NAME);
      }
    }
  }

  static List<String> allScriptLines(Map<String, Object> ci) {
    List<String> lines = new ArrayList<>();
    for (Object v : ci.values()) {
      if (v instanceof Map<?, ?> job) {
        for (String key : List.of("before_script", "script", "after_script")) {
          if (job.get(key) instanceof List<?> l) l.forEach(x -> lines.add(String.valueOf(x)));
        }
      }
    }
    return lines;
  }

  @Test
  void everyCspctlCommandInTheTemplateParsesWithTheRealCommandLine() throws IOException {
    List<String> commands =
        allScriptLines(load("ci/cspctl.gitlab-ci.yml")).stream()
            .filter(l -> l.startsWith("cspctl "))
            .toList();
    assertThat(commands).hasSize(9);
    for (String command : commands) {
      List<String> args = words(command.substring("cspctl ".length()));
      CommandLine cli = Cli.create(Map.of());
      if (!cli.getSubcommands().containsKey(args.get(0)) && UNRELEASED.contains(args.get(0))) {
        System.err.println(
            "NOTICE: '"
                + command
                + "' not checked: this build has no 'cspctl "
                + args.get(0)
                + "' (issue 16)");
        continue;
      }
      assertThat(cli.getSubcommands()).as(command).containsKey(args.get(0));
      CommandLine sub = cli.getSubcommands().get(args.get(0));
      for (String a : args) {
        if (a.startsWith("-")) {
          assertThat(sub.getCommandSpec().findOption(a.split("=", 2)[0]))
              .as(command + ": option " + a)
              .isNotNull();
        }
      }
      // Full parse: option names, arity and enum values (--format markdown|gitlab) as picocli sees
      // them.
      CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
      assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(args.get(0));
    }
  }

  /** Commands other branches add (issue 16: cspctl test); checked once they exist here. */
  static final List<String> UNRELEASED = List.of("test");

  /**
   * Shell words of a script line: quotes removed, variables as the template's defaults,
   * redirections dropped.
   */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    String[] raw = line.replace("\"$CSPCTL_SPEC_DIR\"", "specs").strip().split("\\s+", -1);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i].equals(">")) {
        i++;
        continue;
      }
      words.add(raw[i].replace("\"", ""));
    }
    return words;
  }

  /**
   * The runner's view: the plan, apply and drift scripts of the template, run with bash in a copy
   * of the example spec repository against the sandbox, in pipeline order.
   */
  @Test
  void templateScriptsRunAgainstTheSandboxLikeARunner() throws Exception {
    Map<String, Object> t = load("ci/cspctl.gitlab-ci.yml");
    Path repo = tmp.resolve("spec-repo");
    TestFiles.copyTree(ROOT.resolve("specs"), repo.resolve("specs"));
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

    Shell.Result validate = runJob(t, "cspctl:validate", repo, env, Map.of());
    assertThat(validate.exit()).as(validate.output()).isZero();
    assertThat(repo.resolve("gl-code-quality-report.json")).content().isEqualTo("[ ]\n");

    Map<String, String> target = GitLabCiComposer.matrix(job(t, "cspctl:plan")).get(0);
    Shell.Result plan = runJob(t, "cspctl:plan", repo, env, target);
    assertThat(plan.exit()).as(plan.output()).isZero();
    assertThat(plan.output())
        .as("the text plan in the job log")
        .contains("Plan: 9 to add, 1 to change");
    Path plans = repo.resolve("cspctl-plans");
    assertThat(plans.resolve("default.plan.md"))
        .content()
        .contains("cspctl plan")
        .contains("Homepage hero by segment");
    assertThat(plans.resolve("default.plan.gitlab.json"))
        .content()
        .isEqualTo("{\"create\":9,\"update\":1,\"delete\":0}\n");
    assertThat(plans.resolve("default.plan.json")).content().contains("\"format_version\"");
    assertThat(repo.resolve("cspctl-html/default.plan.html"))
        .content()
        .startsWith("<!DOCTYPE html>")
        .contains("<svg");
    assertThat(repo.resolve("cspctl-html"))
        .isDirectoryContaining(p -> true)
        .satisfies(d -> assertThat(d.toFile().list()).hasSize(1));
    Files.copy(
        plans.resolve("default.plan.md"),
        ROOT.resolve("target").resolve("example-mr-plan.md"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    Shell.Result apply = runJob(t, "cspctl:apply", repo, env, target);
    assertThat(apply.exit()).as(apply.output()).isZero();
    assertThat(apply.output()).contains("Apply complete");

    Shell.Result drift = runJob(t, "cspctl:drift", repo, env, target);
    assertThat(drift.exit()).as(drift.output()).isZero();
    assertThat(repo.resolve("cspctl-drift/default.drift.md")).exists();

    // Someone edits an audience by hand: the scheduled job's script exits 2, which the job's
    // allow_failure.exit_codes / rules turn into a failed or an allowed-to-fail job.
    editByHand(tmp.resolve("live/sandbox.json"), "changed by hand");
    Shell.Result drifted = runJob(t, "cspctl:drift", repo, env, target);
    assertThat(drifted.exit()).as(drifted.output()).isEqualTo(2);
    assertThat(repo.resolve("cspctl-drift/default.drift.md"))
        .content()
        .contains("Frequent visitors");

    // A plan is saved, then the live project changes before the manual apply is played: the
    // apply job's script refuses the stale plan and names what changed.
    Shell.Result replan = runJob(t, "cspctl:plan", repo, env, target);
    assertThat(replan.exit()).as(replan.output()).isZero();
    editByHand(tmp.resolve("live/sandbox.json"), "changed by hand again");
    Shell.Result stale = runJob(t, "cspctl:apply", repo, env, target);
    assertThat(stale.exit()).as(stale.output()).isEqualTo(1);
    assertThat(stale.output())
        .contains("the live project changed since cspctl-plans/default.plan.json was made")
        .contains("Frequent visitors");
  }

  /** A job's script as a runner runs it: global variables, then the job's, then its matrix row. */
  static Shell.Result runJob(
      Map<String, Object> ci,
      String name,
      Path dir,
      Map<String, String> env,
      Map<String, String> row)
      throws Exception {
    Map<String, String> all = new java.util.HashMap<>(env);
    Map<String, Object> job = job(ci, name);
    for (Object vars : java.util.Arrays.asList(ci.get("variables"), job.get("variables"))) {
      if (vars != null) map(vars).forEach((k, v) -> all.put(k, String.valueOf(v)));
    }
    all.putAll(row);
    return Shell.bash(
        dir, "set -e\n" + String.join("\n", script(job)), all, Duration.ofSeconds(90));
  }

  /** A change made "in the UI": straight through the API against the saved sandbox state. */
  static void editByHand(Path state, String description) {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().stateFile(state).build());
        ContentstackClients c =
            ContentstackClients.create(
                dev.cspctl.cli.Target.sandboxCredentials(),
                ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
                TransportConfig.defaults())) {
      var a =
          c.personalize().listAudiences().stream()
              .filter(x -> x.name().equals("Frequent visitors"))
              .findFirst()
              .orElseThrow();
      c.personalize()
          .updateAudience(
              a.uid(),
              new AudienceInput(a.name(), description + " [managed by cspctl]", a.definition()));
      emu.save(state);
    }
  }
}
