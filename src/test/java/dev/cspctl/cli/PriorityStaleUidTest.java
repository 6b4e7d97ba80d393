package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The priority PUT is built from the list the API returns, so a uid of a deleted experience that
 * the service still lists (and still requires) goes along (contentstack-api.md §14).
 */
class PriorityStaleUidTest {
  @TempDir Path tmp;

  @Test
  void aDeletedExperienceTheServiceStillListsStaysInThePriorityPut() throws Exception {
    try (Emulator emu =
            Emulator.start(EmulatorConfig.builder().cmsDelayMs(0).stalePriorityUids(true).build());
        ContentstackClients c =
            ContentstackClients.create(
                Target.sandboxCredentials(),
                ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
                TransportConfig.defaults())) {
      Map<String, String> env =
          Map.of(
              "CSPCTL_PERSONALIZE_URL",
              emu.personalizeUrl(),
              "CSPCTL_CMA_URL",
              emu.cmaUrl(),
              "CONTENTSTACK_AUTHTOKEN",
              emu.credentials().authtoken(),
              "CONTENTSTACK_API_KEY",
              emu.credentials().apiKey(),
              "CONTENTSTACK_PERSONALIZE_PROJECT_UID",
              emu.credentials().projectUid());
      Files.writeString(tmp.resolve("cspctl.yaml"), "prune: false\n");
      Files.writeString(
          tmp.resolve("e.yaml"),
          experience("A")
              + "---\n"
              + experience("B")
              + "---\n"
              + "kind: Priority\norder: [A, B]\n");
      assertThat(run(env, "apply", "--auto-approve", tmp.toString())).isZero();
      var doomed =
          c.personalize()
              .createExperience(
                  new dev.cspctl.api.personalize.ExperienceInput(
                      "Made in the UI", "", dev.cspctl.spec.ExperienceType.AB_TEST));
      c.personalize().deleteExperience(doomed.uid());
      List<String> listed = c.personalize().getPriority();
      assertThat(listed).contains(doomed.uid());
      List<String> withoutStale = listed.stream().filter(u -> !u.equals(doomed.uid())).toList();
      RemoteApiException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              RemoteApiException.class, () -> c.personalize().setPriority(withoutStale));
      assertThat(refused.serverMessage()).contains("MISSING_EXPERIENCES");

      Files.writeString(
          tmp.resolve("e.yaml"),
          Files.readString(tmp.resolve("e.yaml")).replace("order: [A, B]", "order: [B, A]"));
      assertThat(run(env, "apply", "--auto-approve", tmp.toString())).isZero();
      List<String> after = c.personalize().getPriority();
      assertThat(after).endsWith(doomed.uid()).hasSize(3);
      assertThat(run(env, "plan", "--detailed-exitcode", tmp.toString())).isZero();
    }
  }

  private static String experience(String name) {
    return "kind: Experience\nname: "
        + name
        + "\ntype: abTest\nvariants:\n  - name: X\n  - name: Y\n";
  }

  private static int run(Map<String, String> env, String... args) {
    CliHarness.Run r = CliHarness.run(env, args);
    if (r.exit() != 0) System.out.println(r.all());
    return r.exit();
  }
}
