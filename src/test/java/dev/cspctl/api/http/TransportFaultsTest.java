package dev.cspctl.api.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResponseLostException;
import dev.cspctl.api.TestClients;
import dev.cspctl.api.TestClients.RecordingSleeper;
import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.testing.WireMockClients;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retry policy against scripted faults: what is retried, what is not, and how long we wait. */
class TransportFaultsTest {
  @RegisterExtension static WireMockExtension wm = WireMockClients.server();

  static final String EVT = "{\"uid\":\"65f0e0a1b2c3d4e5f6a7b803\",\"key\":\"signup\"}";

  @RegisterExtension
  final WireMockClients api =
      new WireMockClients(
          wm,
          TestClients.authtoken(),
          TestClients.fastConfig().withMaxRetryAfter(Duration.ofSeconds(30)));

  RecordingSleeper sleeper;
  ContentstackClients clients;

  @BeforeEach
  void setUp() {
    sleeper = api.sleeper();
    clients = api.clients();
  }

  private void firstThen(
      String method,
      String url,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder then) {
    var m1 =
        request(method, urlEqualTo(url))
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(first)
            .willSetStateTo("second");
    var m2 =
        request(method, urlEqualTo(url))
            .inScenario("s")
            .whenScenarioStateIs("second")
            .willReturn(then);
    wm.stubFor(m1);
    wm.stubFor(m2);
  }

  @Test
  void honoursRetryAfterOn429() {
    firstThen(
        "GET",
        "/events",
        aResponse().withStatus(429).withHeader("Retry-After", "7"),
        okJson("[" + EVT + "]"));
    assertThat(clients.personalize().listEvents()).hasSize(1);
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(7));
    wm.verify(2, getRequestedFor(urlEqualTo("/events")));
  }

  @Test
  void retryAfterIsCapped() {
    firstThen(
        "GET",
        "/events",
        aResponse().withStatus(503).withHeader("Retry-After", "3600"),
        okJson("[]"));
    clients.personalize().listEvents();
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void backsOffExponentiallyWithJitterWithout429RetryAfter() {
    wm.stubFor(get("/events").willReturn(aResponse().withStatus(429)));
    assertThatThrownBy(() -> clients.personalize().listEvents())
        .isInstanceOf(RemoteApiException.class)
        .hasMessageContaining("failed (429)");
    wm.verify(4, getRequestedFor(urlEqualTo("/events")));
    // base 1 ms, max 4 ms: attempt n waits in [exp/2, exp) with exp = min(4, 1 * 2^n) ms
    assertThat(sleeper.delays).hasSize(3);
    long[][] bounds = {{500_000, 1_000_000}, {1_000_000, 2_000_000}, {2_000_000, 4_000_000}};
    for (int i = 0; i < 3; i++) {
      assertThat(sleeper.delays.get(i).toNanos()).isBetween(bounds[i][0], bounds[i][1]);
    }
  }

  @Test
  void postIsRetriedOn429Only() {
    firstThen("POST", "/events", aResponse().withStatus(429), okJson(EVT));
    clients.personalize().createEvent(new EventInput("signup", null));
    wm.verify(2, postRequestedFor(urlEqualTo("/events")));
  }

  @Test
  void postIsNotRetriedOn500() {
    wm.stubFor(
        post("/events").willReturn(aResponse().withStatus(500).withBody("{\"message\":\"boom\"}")));
    assertThatThrownBy(() -> clients.personalize().createEvent(new EventInput("signup", null)))
        .isExactlyInstanceOf(RemoteApiException.class)
        .hasMessage("Personalize POST /events failed (500): boom");
    wm.verify(1, postRequestedFor(urlEqualTo("/events")));
  }

  @Test
  void getIsRetriedAfter5xx() {
    firstThen("GET", "/events", aResponse().withStatus(502), okJson("[" + EVT + "]"));
    assertThat(clients.personalize().listEvents()).hasSize(1);
    wm.verify(2, getRequestedFor(urlEqualTo("/events")));
  }

  @Test
  void putIsRetriedAfter504() {
    String uid = "65f0e0a1b2c3d4e5f6a7b803";
    firstThen("PUT", "/events/" + uid, aResponse().withStatus(504), okJson(EVT));
    clients.personalize().updateEvent(uid, new EventInput("signup", null));
    wm.verify(2, putRequestedFor(urlEqualTo("/events/" + uid)));
  }

  @Test
  void slowGetIsRetriedAfterReadTimeout() {
    firstThen("GET", "/events", okJson("[]").withFixedDelay(1500), okJson("[" + EVT + "]"));
    assertThat(clients.personalize().listEvents()).hasSize(1);
    wm.verify(2, getRequestedFor(urlEqualTo("/events")));
  }

  @Test
  void slowPostIsNotResent() {
    wm.stubFor(post("/events").willReturn(okJson(EVT).withFixedDelay(1500)));
    assertThatThrownBy(() -> clients.personalize().createEvent(new EventInput("signup", null)))
        .isInstanceOf(ResponseLostException.class)
        .hasMessageContaining("Personalize POST /events failed: reply lost")
        .hasMessageContaining("re-read the state");
    wm.verify(1, postRequestedFor(urlEqualTo("/events")));
  }

  @Test
  void connectionResetOnGetIsRetried() {
    firstThen(
        "GET",
        "/events",
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        okJson("[" + EVT + "]"));
    assertThat(clients.personalize().listEvents()).hasSize(1);
    wm.verify(2, getRequestedFor(urlEqualTo("/events")));
  }

  @Test
  void emptyResponseOnGetIsRetried() {
    firstThen(
        "GET", "/events", aResponse().withFault(Fault.EMPTY_RESPONSE), okJson("[" + EVT + "]"));
    assertThat(clients.personalize().listEvents()).hasSize(1);
    wm.verify(2, getRequestedFor(urlEqualTo("/events")));
  }

  @Test
  void connectionResetOnPostIsNotResent() {
    wm.stubFor(post("/events").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> clients.personalize().createEvent(new EventInput("signup", null)))
        .isInstanceOf(ResponseLostException.class);
    wm.verify(1, postRequestedFor(urlEqualTo("/events")));
  }

  @Test
  void emptyResponseOnPostIsNotResent() {
    wm.stubFor(post("/v3/bulk/publish").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    var req =
        new dev.cspctl.api.cma.BulkPublishRequest(
            java.util.List.of(new dev.cspctl.api.cma.BulkEntry("blt1", "page", 1, "en-us", null)),
            java.util.List.of("en-us"),
            java.util.List.of("prod"));
    assertThatThrownBy(() -> clients.cma().bulkPublish(req))
        .isInstanceOf(ResponseLostException.class)
        .hasMessageContaining(
            "CMA POST /v3/bulk/publish failed: reply lost (the server closed the connection without a reply");
    wm.verify(1, postRequestedFor(urlEqualTo("/v3/bulk/publish")));
  }

  @Test
  void givesUpAfterMaxRetriesOnPersistentReset() {
    wm.stubFor(get("/events").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> clients.personalize().listEvents())
        .isExactlyInstanceOf(RemoteApiException.class)
        .hasMessageContaining("Personalize GET /events failed: connection failed");
    wm.verify(4, getRequestedFor(urlEqualTo("/events")));
  }

  @Test
  void connectionRefusedIsRetriedEvenForPost() {
    // Nothing listens on port 1: the request was never sent, so even a POST may be retried.
    var t =
        new HttpTransport(
            dev.cspctl.api.ApiEndpoints.of("http://127.0.0.1:1", "http://127.0.0.1:1"),
            TestClients.fastConfig(),
            new Redactor(),
            sleeper);
    try (var c = dev.cspctl.api.ContentstackClients.create(TestClients.authtoken(), t)) {
      assertThatThrownBy(() -> c.personalize().createEvent(new EventInput("k", null)))
          .isExactlyInstanceOf(RemoteApiException.class)
          .hasMessageContaining("connection failed");
    }
    assertThat(sleeper.delays).hasSize(3);
  }
}
