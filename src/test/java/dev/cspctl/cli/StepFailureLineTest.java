package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.api.personalize.ExperienceInput;
import dev.cspctl.api.personalize.RemoteVariant;
import dev.cspctl.api.personalize.VersionInput;
import dev.cspctl.api.personalize.VersionStatus;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.plan.Step;
import dev.cspctl.plan.StepType;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service codes of the second survey become one line naming the spec file and field. */
class StepFailureLineTest {
  @TempDir Path tmp;

  @Test
  void knownCodesNameTheSpecFileAndFieldOthersStayAsTheyWere() throws Exception {
    Files.writeString(tmp.resolve("cspctl.yaml"), "prune: false\n");
    Files.writeString(
        tmp.resolve("e.yaml"),
        """
        kind: Experience
        name: Promo
        type: abTest
        variants:
          - name: A
          - name: B
        ---
        kind: Audience
        name: Big
        rules:
          - preset: COUNTRY
            condition: equals
            value: US
        """);
    DesiredState desired = new SpecLoader().load(tmp);
    StepFailureLine lines = new StepFailureLine(desired);
    Step activate = step(StepType.ACTIVATE_VERSION, "activate 'Promo'", "Promo");
    String e = tmp.resolve("e.yaml").toString();

    for (String code :
        List.of(
            "INSUFFICIENT_VARIANTS_TO_ACTIVATE",
            "VARIANTS_REFERRED_LYTICS_AUDIENCE_DOES_NOT_EXIST",
            "CANNOT_DELETE_ONLY_DRAFT")) {
      String line =
          lines.line(
              activate,
              "Personalize PUT /experiences/x/versions/y failed (400): personalize.EXPERIENCES.VERSIONS."
                  + code);
      assertThat(line)
          .startsWith("error: " + e + ":1: ")
          .contains("(service: " + code + "; activate 'Promo')")
          .doesNotContain("\n");
    }
    assertThat(
            lines.line(
                activate,
                "…(400): personalize.EXPERIENCES.VERSIONS.INSUFFICIENT_VARIANTS_TO_ACTIVATE"))
        .contains(": variants: the service refuses to activate");
    assertThat(
            lines.line(
                step(StepType.UPDATE_AUDIENCE, "update audience Big", "Big"),
                "… personalize.AUDIENCES.RULE_COUNT_EXCEEDED"))
        .startsWith("error: " + e + ":8: rules: the audience has more rules");
    assertThat(new StepFailureLine(null).line(activate, "x INSUFFICIENT_VARIANTS_TO_ACTIVATE"))
        .startsWith("error: Experience 'Promo': variants:");
    assertThat(lines.line(activate, "Personalize PUT … failed (500): boom"))
        .isEqualTo("error: activate 'Promo': Personalize PUT … failed (500): boom");
  }

  @Test
  void theEmulatorAnswersTheCodesAsTheSurveyFoundThem() {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().cmsDelayMs(0).build());
        ContentstackClients c =
            ContentstackClients.create(
                Target.sandboxCredentials(),
                ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
                TransportConfig.defaults())) {
      var p = c.personalize();
      var exp = p.createExperience(new ExperienceInput("Promo", "", ExperienceType.AB_TEST));
      RemoteApiException one =
          org.junit.jupiter.api.Assertions.assertThrows(
              RemoteApiException.class,
              () ->
                  p.updateVersion(
                      exp.uid(),
                      exp.latestVersion(),
                      new VersionInput(
                          VersionStatus.ACTIVE,
                          List.of(RemoteVariant.abTest("A", null, 100)),
                          List.of())));
      assertThat(one.status()).isEqualTo(400);
      assertThat(one.serverMessage()).contains("INSUFFICIENT_VARIANTS_TO_ACTIVATE");
      RemoteApiException only =
          org.junit.jupiter.api.Assertions.assertThrows(
              RemoteApiException.class, () -> p.deleteVersion(exp.uid(), exp.latestVersion()));
      assertThat(only.serverMessage()).contains("CANNOT_DELETE_ONLY_DRAFT");
    }
  }

  private static Step step(StepType type, String description, String name) {
    return dev.cspctl.plan.TestSteps.described(
        type.name().toLowerCase(java.util.Locale.ROOT) + ":" + name, type, name, description);
  }
}
