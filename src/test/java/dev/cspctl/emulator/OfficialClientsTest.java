package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.api.personalize.RemoteExperience;
import dev.cspctl.cli.Cli;
import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contentstack's own npm clients (pinned in src/test/node/official-clients/package.json) against
 * the emulator, on a project that cspctl applied. Skipped, with the reason, where Node 20+ is
 * absent; .ci/run installs the packages, and this test runs {@code npm ci} itself when they are
 * missing.
 */
class OfficialClientsTest {
  static final String ENV = "production";
  static final String SECRET = AcceptedCredentials.sandbox().authtoken();
  @TempDir Path tmp;

  @BeforeAll
  static void node() throws Exception {
    String why = NodeSuite.unavailable();
    if (why != null) System.out.println("NOTICE: OfficialClientsTest skipped: " + why);
    assumeTrue(why == null, why);
    NodeSuite.install();
  }

  @Test
  void managementSdkDrivesTheEmulatorOnAProjectCspctlApplied() throws Exception {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().cmsDelayMs(0).build())) {
      Map<String, String> env = cspctlEnv(emu);
      Path specs = writeSpecs();
      int applied =
          Cli.run(
              new String[] {"apply", "--auto-approve", specs.toString()}, quiet(), quiet(), env);
      assertThat(applied).isZero();

      RemoteExperience hero;
      try (ContentstackClients c =
          ContentstackClients.create(
              dev.cspctl.cli.Target.sandboxCredentials(),
              ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
              TransportConfig.defaults())) {
        hero =
            c.personalize().listExperiences().stream()
                .filter(e -> e.name().equals("Hero by device"))
                .findFirst()
                .orElseThrow();
      }
      Map<String, String> node = new HashMap<>();
      node.put("EMULATOR_URL", emu.baseUrl());
      node.put("STACK_API_KEY", emu.credentials().apiKey());
      node.put("EMAIL", emu.credentials().email());
      node.put("PASSWORD", emu.credentials().password());
      node.put("GROUP_UID", hero.cms().variantGroup());
      node.put("VARIANT_UID", hero.cms().variants().values().iterator().next());
      node.put("ENTRY_UID", "blt0123456789abcdef");
      node.put("ENVIRONMENT", ENV);
      NodeSuite.Result r = NodeSuite.runTests("management-sdk.test.mjs", node);
      System.out.println(r.output());
      assertThat(r.exit()).as(r.output()).isZero();
      assertThat(r.output()).contains("ℹ fail 0").doesNotContain("ℹ pass 0").doesNotContain(SECRET);
      assertThat(r.output())
          .doesNotContain(emu.credentials().password())
          .doesNotContain(emu.credentials().authtoken());
      String variant = hero.cms().variants().values().iterator().next();
      assertThat(emu.publishedVersion("hero_banner", "blt0123456789abcdef", "en-us", variant, ENV))
          .isPresent();
      assertThat(emu.requestLog())
          .anySatisfy(
              e -> assertThat(e.path()).endsWith("/versions").startsWith("/v3/content_types"))
          .anySatisfy(e -> assertThat(e.path()).endsWith("/unpublish"))
          .anySatisfy(e -> assertThat(e.path()).endsWith("/items"));
    }
  }

  /**
   * The CLI's Personalize export of a project cspctl applied, its import into an emulator without a
   * project, then {@code cspctl export} of that, whose plan is adoptions only, apply, and a plan
   * with no changes.
   */
  @Test
  void cliPersonalizeExportAndImportThenCspctlAdoptsTheImportedProject() throws Exception {
    Path exportDir = tmp.resolve("csdx-export");
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().cmsDelayMs(0).build())) {
      assertThat(
              Cli.run(
                  new String[] {"apply", "--auto-approve", writeSpecs().toString()},
                  quiet(),
                  quiet(),
                  cspctlEnv(emu)))
          .isZero();
      Map<String, String> node = new HashMap<>();
      node.put("EMULATOR_URL", emu.baseUrl());
      node.put("STACK_API_KEY", emu.credentials().apiKey());
      node.put("AUTHTOKEN", emu.credentials().authtoken());
      node.put("PROJECT_UID", emu.credentials().projectUid());
      node.put("ORGANIZATION_UID", EmulatorAssumptions.ORGANIZATION_UID);
      node.put("OUT_DIR", exportDir.toString());
      node.put(
          "CS_CLI_CONFIG_PATH", Files.createDirectories(tmp.resolve("csdx-config")).toString());
      node.put("CS_CLI_LOG_PATH", Files.createDirectories(tmp.resolve("csdx-logs")).toString());
      NodeSuite.Result r = NodeSuite.runTests("cli-variants-export.test.mjs", node);
      System.out.println(r.output());
      assertThat(r.exit()).as(r.output()).isZero();
      assertThat(r.output()).contains("ℹ fail 0").doesNotContain("ℹ pass 0").doesNotContain(SECRET);
      assertThat(emu.requestLog())
          .anySatisfy(
              e -> assertThat(e.path()).isEqualTo("/projects").matches(x -> e.status() == 200));
    }
    try (Emulator empty =
        Emulator.start(EmulatorConfig.builder().cmsDelayMs(0).withoutProject(true).build())) {
      Map<String, String> node = new HashMap<>();
      node.put("EMULATOR_URL", empty.baseUrl());
      node.put("STACK_API_KEY", empty.credentials().apiKey());
      node.put("AUTHTOKEN", empty.credentials().authtoken());
      node.put("ORGANIZATION_UID", EmulatorAssumptions.ORGANIZATION_UID);
      node.put("EXPORT_DIR", exportDir.toString());
      node.put("BACKUP_DIR", Files.createDirectories(tmp.resolve("csdx-backup")).toString());
      node.put(
          "CS_CLI_CONFIG_PATH",
          Files.createDirectories(tmp.resolve("csdx-config-import")).toString());
      node.put(
          "CS_CLI_LOG_PATH", Files.createDirectories(tmp.resolve("csdx-logs-import")).toString());
      NodeSuite.Result r = NodeSuite.runTests("cli-variants-import.test.mjs", node);
      System.out.println(r.output());
      assertThat(r.exit()).as(r.output()).isZero();
      assertThat(r.output()).contains("ℹ fail 0").doesNotContain("ℹ pass 0").doesNotContain(SECRET);

      // cspctl finds the imported project from the stack (no project uid set) and adopts it.
      Map<String, String> env = cspctlEnv(empty);
      env.remove("CONTENTSTACK_PERSONALIZE_PROJECT_UID");
      Path adopted = tmp.resolve("adopted");
      Run export = CliHarness.run(env, "export", "--out", adopted.toString());
      assertThat(export.exit()).as(export.err()).isEqualTo(0);
      assertThat(export.err()).contains("Using Personalize project");
      assertThat(adopted.resolve("experiences/hero-by-device.yaml"))
          .content()
          .contains("contentTypes: [hero_banner]")
          .contains("audiences: [Mobile visitors]")
          .contains("status: active");
      assertThat(adopted.resolve("experiences/a-promo-test.yaml"))
          .content()
          .contains("tags: [promo]")
          .doesNotContain("traffic:");
      Files.writeString(
          adopted.resolve("cspctl.yaml"),
          Files.readString(adopted.resolve("cspctl.yaml")).replaceAll("(?m)^project: .*$", ""));
      Run plan = CliHarness.run(env, "plan", "--format", "json", adopted.toString());
      assertThat(plan.exit()).as(plan.err()).isEqualTo(0);
      com.fasterxml.jackson.databind.JsonNode changes =
          Json.MAPPER.readTree(plan.out()).path("changes");
      // The CLI copies descriptions, ownership marker included: what cspctl applied is still its
      // own.
      changes.forEach(
          c -> assertThat(c.path("action").asText()).as(c.toString()).isEqualTo("adopt"));
      Run apply = CliHarness.run(env, "apply", "--auto-approve", adopted.toString());
      assertThat(apply.exit()).as(apply.out() + apply.err()).isEqualTo(0);
      Run after = CliHarness.run(env, "plan", "--detailed-exitcode", adopted.toString());
      assertThat(after.exit()).as(after.out()).isEqualTo(0);
    }
  }

  static Map<String, String> cspctlEnv(Emulator emu) {
    Map<String, String> env = new HashMap<>();
    env.put(ApiEndpoints.ENV_PERSONALIZE_URL, emu.personalizeUrl());
    env.put(ApiEndpoints.ENV_CMA_URL, emu.cmaUrl());
    env.put("CONTENTSTACK_AUTHTOKEN", emu.credentials().authtoken());
    env.put("CONTENTSTACK_API_KEY", emu.credentials().apiKey());
    env.put("CONTENTSTACK_PERSONALIZE_PROJECT_UID", emu.credentials().projectUid());
    return env;
  }

  private Path writeSpecs() throws Exception {
    Path specs = tmp.resolve("specs");
    Files.createDirectories(specs);
    Files.writeString(
        specs.resolve("cspctl.yaml"),
        "publish:\n  environments: [" + ENV + "]\n  locales: [en-us]\n");
    Files.writeString(
        specs.resolve("specs.yaml"),
        """
        kind: Attribute
        key: plan_tier
        name: Plan tier
        ---
        kind: Event
        key: signup
        ---
        kind: Audience
        name: Mobile visitors
        rules:
          - preset: DEVICE_TYPE
            condition: equals
            value: MOBILE
        ---
        kind: Audience
        name: Desktop visitors
        rules:
          - preset: DEVICE_TYPE
            condition: equals
            value: DESKTOP
        ---
        kind: Experience
        name: Hero by device
        type: segmented
        status: active
        contentTypes: [hero_banner]
        variants:
          - name: Mobile
            audiences: [Mobile visitors]
            content:
              - contentType: hero_banner
                entry: blt0123456789abcdef
                fields:
                  headline: Hello, phone
          - name: Desktop
            audiences: [Desktop visitors]
        ---
        kind: Experience
        name: A promo test
        type: abTest
        tags: [promo]
        variants:
          - name: Control
          - name: Bold
        """);
    return specs;
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
