package dev.cspctl.api.personalize;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResourceRef;
import dev.cspctl.api.TestClients;
import dev.cspctl.api.TestClients.RecordingSleeper;
import dev.cspctl.testing.WireMockClients;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CmsSyncWaiterTest {
  @RegisterExtension static WireMockExtension wm = WireMockClients.server();

  static final String EXP = PersonalizeClientTest.EXP;

  @Test
  void pollsUntilExpectedShortUidsAreMapped() {
    String none = PersonalizeClientTest.experienceJson("SEGMENTED", null);
    String partial =
        PersonalizeClientTest.experienceJson(
            "SEGMENTED",
            "{\"variantGroup\":\"cs0123456789abcdef\",\"variants\":{\"0\":\"csaaaaaaaaaaaaaaaa\"}}");
    String full =
        PersonalizeClientTest.experienceJson(
            "SEGMENTED",
            "{\"variantGroup\":\"cs0123456789abcdef\",\"variants\":{\"0\":\"csaaaaaaaaaaaaaaaa\","
                + "\"1\":\"csbbbbbbbbbbbbbbbb\"}}");
    wm.stubFor(
        get("/experiences/" + EXP)
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson(none))
            .willSetStateTo("p"));
    wm.stubFor(
        get("/experiences/" + EXP)
            .inScenario("s")
            .whenScenarioStateIs("p")
            .willReturn(okJson(partial))
            .willSetStateTo("f"));
    wm.stubFor(
        get("/experiences/" + EXP)
            .inScenario("s")
            .whenScenarioStateIs("f")
            .willReturn(okJson(full)));
    RecordingSleeper sleeper = new RecordingSleeper();
    try (ContentstackClients c = TestClients.clients(wm.baseUrl(), TestClients.authtoken())) {
      RemoteExperience e =
          new CmsSyncWaiter(
                  c.personalize(),
                  sleeper,
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(5),
                  Duration.ofSeconds(60))
              .await(EXP, List.of("0", "1"), null);
      assertThat(e.cms().variants()).containsOnlyKeys("0", "1");
    }
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    wm.verify(3, getRequestedFor(urlEqualTo("/experiences/" + EXP)));
  }

  @Test
  void timesOutWithAClearError() {
    wm.stubFor(
        get("/experiences/" + EXP)
            .willReturn(okJson(PersonalizeClientTest.experienceJson("SEGMENTED", null))));
    RecordingSleeper sleeper = new RecordingSleeper();
    try (ContentstackClients c = TestClients.clients(wm.baseUrl(), TestClients.authtoken())) {
      CmsSyncWaiter w =
          new CmsSyncWaiter(
              c.personalize(),
              sleeper,
              Duration.ofSeconds(1),
              Duration.ofSeconds(5),
              Duration.ofSeconds(10));
      assertThatThrownBy(
              () -> w.await(EXP, List.of(), ResourceRef.of("experience", "Homepage hero")))
          .isInstanceOf(RemoteApiException.class)
          .hasMessage(
              "Personalize GET /experiences/"
                  + EXP
                  + " failed: CMS variant group not synced"
                  + " after 12.0 s of waiting and 5 poll(s) (no variant group yet); the server syncs _cms asynchronously after the"
                  + " version gains variants [experience \"Homepage hero\"]");
    }
    // 1 + 2 + 4 + 5 = 12 s >= 10 s: four waits, then the error (waited reported as 12 s)
    assertThat(sleeper.delays)
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5));
  }
}
