package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.Credentials;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.emulator.SandboxCredentials;
import dev.cspctl.plan.Ownership;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ownership markers over HTTP, with the CLI as a user runs it: a project copied by another tool
 * (descriptions verbatim) shows its resources as adoptions; two spec folders with different owners
 * manage parts of one project with prune on and never delete each other's resources; markers of
 * earlier versions keep working and are rewritten on the next change.
 */
class OwnershipEndToEndTest {
  static final String P1 = SandboxCredentials.PROJECT_UID;
  static final String P2 = "66bbbbbbbbbbbbbbbbbbbbbb";
  static final Path SPECS = Path.of("specs").toAbsolutePath();

  @TempDir Path tmp;

  static Emulator emulator(String project, Path state) {
    var accepted =
        new dev.cspctl.emulator.AcceptedCredentials(
            SandboxCredentials.AUTHTOKEN,
            SandboxCredentials.OAUTH_TOKEN,
            SandboxCredentials.MANAGEMENT_TOKEN,
            SandboxCredentials.API_KEY,
            project,
            SandboxCredentials.EMAIL,
            SandboxCredentials.PASSWORD,
            null);
    return Emulator.start(
        EmulatorConfig.builder()
            .port(0)
            .cmsDelayMs(50)
            .credentials(accepted)
            .stateFile(state)
            .build());
  }

  static Map<String, String> env(String project) {
    Map<String, String> env = new HashMap<>(ReliabilityCrashTest.clientEnv());
    env.put(Credentials.ENV_PROJECT_UID, project);
    return env;
  }

  static ContentstackClients clients(Emulator emu, String project) {
    return ContentstackClients.create(
        dev.cspctl.cli.Target.sandboxCredentials(SandboxCredentials.API_KEY, project, null),
        ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
        TransportConfig.defaults());
  }

  static Path folder(Path dir, String cspctlYaml, String events) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("cspctl.yaml"), cspctlYaml);
    Files.writeString(dir.resolve("events.yaml"), events);
    return dir;
  }

  static String event(String key, String description) {
    return "kind: Event\nkey: " + key + "\ndescription: " + description + "\n";
  }

  @Test
  void aCopiedProjectShowsItsResourcesAsAdoptionsAndApplyRewritesTheMarkers() {
    Path state = tmp.resolve("p1.json");
    try (Emulator original = emulator(P1, null)) {
      var applied =
          LockRecoveryTest.cli(
              env(P1),
              LockRecoveryTest.target(original, "apply", "--auto-approve", SPECS.toString()));
      assertThat(applied.exit()).as(applied.err()).isZero();
      original.save(state);
    }
    // the copy: another project with every description as it was (Contentstack's CLI export/import)
    try (Emulator copy = emulator(P2, state);
        ContentstackClients c = clients(copy, P2)) {
      assertThat(c.personalize().listAudiences())
          .allSatisfy(a -> assertThat(a.description()).contains("project=" + P1));
      var plan =
          LockRecoveryTest.cli(
              env(P2), LockRecoveryTest.target(copy, "plan", "--prune", SPECS.toString()));
      assertThat(plan.exit()).as(plan.err()).isZero();
      assertThat(plan.out())
          .contains("to adopt.")
          .doesNotContain(" 0 to adopt.")
          .contains("0 to delete")
          .contains("names project " + P1);
      var apply =
          LockRecoveryTest.cli(
              env(P2), LockRecoveryTest.target(copy, "apply", "--auto-approve", SPECS.toString()));
      assertThat(apply.exit()).as(apply.err()).isZero();
      assertThat(c.personalize().listAudiences())
          .allSatisfy(
              a ->
                  assertThat(a.description())
                      .endsWith("[managed by cspctl owner=default project=" + P2 + "]"));
      var again =
          LockRecoveryTest.cli(
              env(P2),
              LockRecoveryTest.target(copy, "plan", "--detailed-exitcode", SPECS.toString()));
      assertThat(again.exit()).as(again.out()).isZero();
    }
  }

  @Test
  void twoSpecFoldersWithDifferentOwnersManagePartsOfOneProjectWithoutPruningEachOther()
      throws IOException {
    String head = "project: " + P1 + "\nstack: " + SandboxCredentials.API_KEY + "\nprune: true\n";
    Path web =
        folder(
            tmp.resolve("web"),
            head + "owner: web-team\n",
            event("web_click", "Clicked on the web"));
    Path mobile =
        folder(
            tmp.resolve("mobile"),
            head + "owner: mobile-team\n",
            event("app_open", "Opened the app"));
    try (Emulator emu = emulator(P1, null);
        ContentstackClients c = clients(emu, P1)) {
      Map<String, String> env = env(P1);
      for (Path dir : List.of(web, mobile, web, mobile)) {
        var r =
            LockRecoveryTest.cli(
                env, LockRecoveryTest.target(emu, "apply", "--auto-approve", dir.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("delete event");
      }
      assertThat(c.personalize().listEvents())
          .extracting(e -> e.key() + ": " + e.description())
          .containsExactlyInAnyOrder(
              "web_click: Clicked on the web [managed by cspctl owner=web-team project=" + P1 + "]",
              "app_open: Opened the app [managed by cspctl owner=mobile-team project=" + P1 + "]");
      for (Path dir : List.of(web, mobile)) {
        var plan =
            LockRecoveryTest.cli(
                env, LockRecoveryTest.target(emu, "plan", "--detailed-exitcode", dir.toString()));
        assertThat(plan.exit()).as(plan.out()).isZero();
        assertThat(plan.out() + plan.err())
            .contains("1 live resource(s) managed by other owners")
            .contains(dir == web ? "left alone: event app_open" : "left alone: event web_click");
      }
      // what one folder drops is pruned; the other folder's resources stay
      Files.writeString(web.resolve("events.yaml"), event("web_scroll", "Scrolled"));
      var r =
          LockRecoveryTest.cli(
              env, LockRecoveryTest.target(emu, "apply", "--auto-approve", web.toString()));
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(c.personalize().listEvents())
          .extracting(e -> e.key())
          .containsExactlyInAnyOrder("web_scroll", "app_open");
      var export =
          LockRecoveryTest.cli(
              env,
              LockRecoveryTest.target(
                  emu,
                  "export",
                  "--stack",
                  SandboxCredentials.API_KEY,
                  "--out",
                  tmp.resolve("exported").toString()));
      assertThat(export.exit()).as(export.err()).isZero();
      assertThat(export.err())
          .contains("the ownership markers name several owners (mobile-team, web-team)");
      assertThat(Files.readString(tmp.resolve("exported/cspctl.yaml"))).doesNotContain("owner:");
    }
  }

  @Test
  void anExportOfWhatOneOwnerManagesNamesThatOwnerSoItsPlanShowsNoChanges() throws IOException {
    String head = "project: " + P1 + "\nstack: " + SandboxCredentials.API_KEY + "\n";
    Path web =
        folder(
            tmp.resolve("web"),
            head + "owner: web-team\n",
            event("web_click", "Clicked on the web"));
    try (Emulator emu = emulator(P1, null)) {
      Map<String, String> env = env(P1);
      assertThat(
              LockRecoveryTest.cli(
                      env, LockRecoveryTest.target(emu, "apply", "--auto-approve", web.toString()))
                  .exit())
          .isZero();
      Path exported = tmp.resolve("exported");
      var export =
          LockRecoveryTest.cli(
              env,
              LockRecoveryTest.target(
                  emu,
                  "export",
                  "--stack",
                  SandboxCredentials.API_KEY,
                  "--out",
                  exported.toString()));
      assertThat(export.exit()).as(export.err()).isZero();
      assertThat(Files.readString(exported.resolve("cspctl.yaml"))).contains("owner: web-team");
      var plan =
          LockRecoveryTest.cli(
              env,
              LockRecoveryTest.target(emu, "plan", "--detailed-exitcode", exported.toString()));
      assertThat(plan.exit()).as(plan.out()).isZero();
    }
  }

  @Test
  void markersOfEarlierVersionsStillCountAsManagedAndAreRewrittenOnTheNextChange()
      throws IOException {
    String head = "project: " + P1 + "\nstack: " + SandboxCredentials.API_KEY + "\n";
    Path dir =
        folder(
            tmp.resolve("legacy"),
            head,
            event("add_to_cart", "Added to cart") + "---\n" + event("checkout", "Checked out"));
    try (Emulator emu = emulator(P1, null);
        ContentstackClients c = clients(emu, P1)) {
      c.personalize()
          .createEvent(new EventInput("add_to_cart", "Added to cart " + Ownership.LEGACY_MARKER));
      c.personalize()
          .createEvent(new EventInput("checkout", "Checked out " + Ownership.LEGACY_MARKER));
      Map<String, String> env = env(P1);
      var plan =
          LockRecoveryTest.cli(
              env, LockRecoveryTest.target(emu, "plan", "--detailed-exitcode", dir.toString()));
      assertThat(plan.exit()).as("no changes, no adoptions: " + plan.out()).isZero();
      Files.writeString(
          dir.resolve("events.yaml"),
          event("add_to_cart", "Added an item to the cart")
              + "---\n"
              + event("checkout", "Checked out"));
      var apply =
          LockRecoveryTest.cli(
              env, LockRecoveryTest.target(emu, "apply", "--auto-approve", dir.toString()));
      assertThat(apply.exit()).as(apply.err()).isZero();
      assertThat(apply.out())
          .contains("update event add_to_cart")
          .contains("Plan: 0 to add, 1 to change, 0 to delete, 0 to adopt.");
      assertThat(c.personalize().listEvents())
          .extracting(e -> e.key() + ": " + e.description())
          .containsExactlyInAnyOrder(
              "add_to_cart: Added an item to the cart [managed by cspctl owner=default project="
                  + P1
                  + "]",
              "checkout: Checked out " + Ownership.LEGACY_MARKER);
    }
  }
}
