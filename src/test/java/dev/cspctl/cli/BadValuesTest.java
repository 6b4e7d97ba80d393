package dev.cspctl.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.Region;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import dev.cspctl.testing.WireMockClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad values on the command line and in the environment are refused with one line that says what to
 * do.
 */
class BadValuesTest {
  @RegisterExtension static WireMockExtension wm = WireMockClients.server();

  @TempDir Path tmp;
  final Map<String, String> env =
      new HashMap<>(Map.of("CSPCTL_SANDBOX_STATE", "", "CSPCTL_SANDBOX_CMS_DELAY_MS", "20"));

  Run run(String... args) {
    return CliHarness.run(env, args);
  }

  static void assertOneLineError(Run r, String start) {
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: " + start);
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void parallelismBelowOneIsRefused() {
    env.put("CSPCTL_SANDBOX_STATE", tmp.resolve("s.json").toString());
    assertOneLineError(
        run("apply", "--sandbox", "--auto-approve", "--parallelism", "0", "specs"),
        "--parallelism 0: expected");
    assertOneLineError(
        run("apply", "--sandbox", "--auto-approve", "--parallelism", "-3", "specs"),
        "--parallelism -3: expected");
    assertThat(tmp.resolve("s.json")).doesNotExist();
  }

  @Test
  void pruneWithASavedPlanIsRefused() {
    env.put("CSPCTL_SANDBOX_STATE", tmp.resolve("s.json").toString());
    Path plan = tmp.resolve("plan.json");
    assertThat(run("plan", "--sandbox", "--out", plan.toString(), "specs").exit()).isZero();
    assertOneLineError(
        run("apply", "--sandbox", "--auto-approve", "--prune", plan.toString()),
        "--prune cannot change a saved plan: " + plan);
  }

  @Test
  void unknownRegionsGetASuggestionAndCliRegionNamesAreAccepted() {
    env.put("CONTENTSTACK_AUTHTOKEN", "t");
    assertOneLineError(
        run("plan", "--region", "eu-west", "specs"),
        "unknown region 'eu-west' (did you mean 'eu'?)");
    assertOneLineError(
        run("plan", "--region", "azure_eu1", "specs"),
        "unknown region 'azure_eu1' (did you mean 'azure-eu'?)");
    assertThat(Region.parse("AWS-NA")).isEqualTo(Region.NA);
    assertThat(Region.parse("AWS-EU")).isEqualTo(Region.EU);
    assertThat(Region.parse("AWS-AU")).isEqualTo(Region.AU);
    assertThat(Region.parse("AZURE-NA")).isEqualTo(Region.AZURE_NA);
    assertThat(Region.parse("AZURE-EU")).isEqualTo(Region.AZURE_EU);
    assertThat(Region.parse("GCP-NA")).isEqualTo(Region.GCP_NA);
    assertThat(Region.parse("GCP-EU")).isEqualTo(Region.GCP_EU);
  }

  @Test
  void aCliRegionNameInCspctlYamlValidates() throws Exception {
    Path dir = tmp.resolve("specs");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("cspctl.yaml"), "project: 65f0c0ffee0123456789abcd\nregion: AWS-EU\n");
    Files.writeString(dir.resolve("a.yaml"), "kind: Attribute\nkey: a\nname: A\n");
    assertThat(run("validate", dir.toString()).exit()).isZero();
  }

  @Test
  void onlyAManagementTokenSaysThePersonalizeApiNeedsAUserToken() {
    env.put("CONTENTSTACK_MANAGEMENT_TOKEN", "cs-only-SECRET");
    Run r = run("plan", "specs");
    assertOneLineError(
        r, "only CONTENTSTACK_MANAGEMENT_TOKEN is set, and the Personalize API needs a user token");
    assertThat(r.err()).doesNotContain("SECRET");
  }

  @Test
  void a401NamesTheVariableTheApiRejected() {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().build())) {
      env.put("CONTENTSTACK_AUTHTOKEN", "wrong-authtoken-SECRET");
      Run r =
          run(
              "plan",
              "--personalize-url",
              emu.personalizeUrl(),
              "--cma-url",
              emu.cmaUrl(),
              "specs");
      assertOneLineError(r, "");
      assertThat(r.err())
          .contains("(401)")
          .contains("(rejected credential: CONTENTSTACK_AUTHTOKEN;")
          .doesNotContain("SECRET");
      env.put("CONTENTSTACK_AUTHTOKEN", dev.cspctl.emulator.SandboxCredentials.AUTHTOKEN);
      env.put("CONTENTSTACK_MANAGEMENT_TOKEN", "wrong-management-SECRET");
      Run cma =
          run(
              "plan",
              "--personalize-url",
              emu.personalizeUrl(),
              "--cma-url",
              emu.cmaUrl(),
              "specs");
      assertOneLineError(cma, "CMA GET ");
      assertThat(cma.err())
          .contains("(401)")
          .contains("(rejected credential: CONTENTSTACK_MANAGEMENT_TOKEN;")
          .doesNotContain("SECRET");
    }
  }

  @Test
  void aRedirectIsReportedAsARedirect() {
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(301)
                    .withHeader("Location", "https://elsewhere.example/events")));
    env.put("CONTENTSTACK_AUTHTOKEN", "t");
    Run r = run("plan", "--personalize-url", wm.baseUrl(), "--cma-url", wm.baseUrl(), "specs");
    assertOneLineError(r, "");
    assertThat(r.err())
        .contains("(301): the server redirects to https://elsewhere.example/events")
        .contains("does not follow redirects");
  }

  @Test
  void shortNumericLoopbackAddressesAreLoopback() {
    assertThat(ApiEndpoints.of("http://127.1:8080", "http://127.0.1:8080").personalizeBase())
        .hasHost("127.0.0.1")
        .hasPort(8080);
    assertThat(ApiEndpoints.of("http://2130706433:80", "http://localhost:80").cmaBase())
        .hasHost("localhost");
  }
}
