package dev.cspctl.api.personalize;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.Credentials;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResourceRef;
import dev.cspctl.api.TestClients;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.testing.WireMockClients;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PersonalizeClientTest {
  @RegisterExtension static WireMockExtension wm = WireMockClients.server();

  static final String EXP = "65f0e0a1b2c3d4e5f6a7b8c9";
  static final String VER = "65f0e0a1b2c3d4e5f6a7b8d0";
  static final String AUD = "65f0e0a1b2c3d4e5f6a7b8e1";
  static final String ATTR = "65f0e0a1b2c3d4e5f6a7b8f2";
  static final String EVT = "65f0e0a1b2c3d4e5f6a7b803";
  static final ObjectMapper M = new ObjectMapper();

  @RegisterExtension
  final WireMockClients api = new WireMockClients(wm, TestClients.authtokenAndMgmt("dev"));

  PersonalizeClient p;

  @BeforeEach
  void setUp() {
    p = api.clients().personalize();
  }

  private static RequestPatternBuilder authed(RequestPatternBuilder b) {
    return b.withHeader("authtoken", equalTo(TestClients.AUTHTOKEN))
        .withHeader("x-project-uid", equalTo(TestClients.PROJECT))
        .withoutHeader("api_key")
        .withoutHeader("authorization")
        .withoutHeader("branch");
  }

  private static RequestPatternBuilder json(RequestPatternBuilder b, String body) {
    return authed(b)
        .withHeader("Content-Type", containing("application/json"))
        .withRequestBody(equalToJson(body));
  }

  @Test
  void attributesCrud() {
    String attr =
        "{\"uid\":\""
            + ATTR
            + "\",\"key\":\"age\",\"name\":\"Age\",\"description\":\"d\","
            + "\"__type\":\"CUSTOM\",\"project\":\"x\"}";
    wm.stubFor(get("/attributes").willReturn(okJson("[" + attr + "]")));
    wm.stubFor(post("/attributes").willReturn(okJson(attr)));
    wm.stubFor(put("/attributes/" + ATTR).willReturn(okJson(attr)));
    wm.stubFor(delete("/attributes/" + ATTR).willReturn(noContent()));

    assertThat(p.listAttributes())
        .containsExactly(new RemoteAttribute(ATTR, "age", "Age", "d", "CUSTOM"));
    assertThat(p.createAttribute(new AttributeInput("Age", "age", "d")).uid()).isEqualTo(ATTR);
    p.updateAttribute(ATTR, new AttributeInput("Age", "age", "d2"));
    p.deleteAttribute(ATTR);

    wm.verify(1, authed(getRequestedFor(urlEqualTo("/attributes"))));
    wm.verify(
        1,
        json(
            postRequestedFor(urlEqualTo("/attributes")),
            "{\"name\":\"Age\",\"key\":\"age\",\"description\":\"d\"}"));
    wm.verify(
        1,
        json(
            putRequestedFor(urlEqualTo("/attributes/" + ATTR)),
            "{\"name\":\"Age\",\"key\":\"age\",\"description\":\"d2\"}"));
    wm.verify(1, authed(deleteRequestedFor(urlEqualTo("/attributes/" + ATTR))));
  }

  @Test
  void eventsCrud() {
    String evt = "{\"uid\":\"" + EVT + "\",\"key\":\"signup\",\"description\":\"d\"}";
    wm.stubFor(get("/events").willReturn(okJson("[" + evt + "]")));
    wm.stubFor(post("/events").willReturn(okJson(evt)));
    wm.stubFor(put("/events/" + EVT).willReturn(okJson(evt)));
    wm.stubFor(delete("/events/" + EVT).willReturn(ok()));

    assertThat(p.listEvents()).extracting(RemoteEvent::key).containsExactly("signup");
    p.createEvent(new EventInput("signup", "d"));
    p.updateEvent(EVT, new EventInput("signup", "d2"));
    p.deleteEvent(EVT);

    wm.verify(1, authed(getRequestedFor(urlEqualTo("/events"))));
    wm.verify(
        1,
        json(
            postRequestedFor(urlEqualTo("/events")), "{\"key\":\"signup\",\"description\":\"d\"}"));
    wm.verify(
        1,
        json(
            putRequestedFor(urlEqualTo("/events/" + EVT)),
            "{\"key\":\"signup\",\"description\":\"d2\"}"));
    wm.verify(1, authed(deleteRequestedFor(urlEqualTo("/events/" + EVT))));
  }

  @Test
  void audiencesCrudKeepsRawDefinition() throws Exception {
    String def =
        "{\"__type\":\"RuleCombination\",\"combinationType\":\"OR\",\"rules\":[{\"__type\":"
            + "\"Rule\",\"attribute\":{\"__type\":\"PresetAttributeReference\",\"ref\":\"COUNTRY\"},"
            + "\"attributeMatchCondition\":\"STRING_EQUALS\",\"attributeMatchOptions\":{\"__type\":"
            + "\"StringMatchOptions\",\"value\":\"US\"},\"invertCondition\":false}]}";
    String aud =
        "{\"uid\":\""
            + AUD
            + "\",\"name\":\"US\",\"description\":\"d\",\"definition\":"
            + def
            + "}";
    String lytics =
        "{\"uid\":\"0123456789abcdef0123456789abcdef\",\"name\":\"L\",\"source\":"
            + "\"LYTICS\",\"slug\":\"l\"}";
    wm.stubFor(get("/audiences").willReturn(okJson("[" + aud + "," + lytics + "]")));
    wm.stubFor(post("/audiences").willReturn(okJson(aud)));
    wm.stubFor(put("/audiences/" + AUD).willReturn(okJson(aud)));
    wm.stubFor(delete("/audiences/" + AUD).willReturn(noContent()));

    List<RemoteAudience> list = p.listAudiences();
    assertThat(list.get(0).definition()).isEqualTo(M.readTree(def));
    assertThat(list.get(1).isLytics()).isTrue();
    assertThat(list.get(1).definition()).isNull();
    p.createAudience(new AudienceInput("US", "d", M.readTree(def)));
    p.updateAudience(AUD, new AudienceInput("US", "d", M.readTree(def)));
    p.deleteAudience(AUD);

    wm.verify(1, authed(getRequestedFor(urlEqualTo("/audiences"))));
    wm.verify(
        1,
        json(
            postRequestedFor(urlEqualTo("/audiences")),
            "{\"name\":\"US\",\"description\":\"d\",\"definition\":" + def + "}"));
    wm.verify(
        1,
        json(
            putRequestedFor(urlEqualTo("/audiences/" + AUD)),
            "{\"name\":\"US\",\"description\":\"d\",\"definition\":" + def + "}"));
    wm.verify(1, authed(deleteRequestedFor(urlEqualTo("/audiences/" + AUD))));
  }

  static String experienceJson(String type, String cms) {
    return "{\"uid\":\""
        + EXP
        + "\",\"name\":\"Homepage hero\",\"description\":\"d\",\"__type\":\""
        + type
        + "\",\"shortUid\":\"0\",\"status\":\"DRAFT\",\"latestVersion\":\""
        + VER
        + "\""
        + (cms == null ? "" : ",\"_cms\":" + cms)
        + "}";
  }

  @Test
  void experiencesCrud() {
    String cms =
        "{\"variantGroup\":\"cs0123456789abcdef\",\"variants\":{\"0\":\"csaaaaaaaaaaaaaaaa\"}}";
    wm.stubFor(
        get("/experiences").willReturn(okJson("[" + experienceJson("SEGMENTED", null) + "]")));
    wm.stubFor(get("/experiences/" + EXP).willReturn(okJson(experienceJson("AB_TEST", cms))));
    wm.stubFor(post("/experiences").willReturn(okJson(experienceJson("SEGMENTED", null))));
    wm.stubFor(put("/experiences/" + EXP).willReturn(okJson(experienceJson("SEGMENTED", null))));
    wm.stubFor(delete("/experiences/" + EXP).willReturn(noContent()));

    RemoteExperience listed = p.listExperiences().get(0);
    assertThat(listed.type()).isEqualTo(ExperienceType.SEGMENTED);
    assertThat(listed.cmsReady()).isFalse();
    RemoteExperience got = p.getExperience(EXP);
    assertThat(got.cmsReady()).isTrue();
    assertThat(got.cms().variants()).containsEntry("0", "csaaaaaaaaaaaaaaaa");
    assertThat(got.latestVersion()).isEqualTo(VER);
    p.createExperience(new ExperienceInput("Homepage hero", "d", ExperienceType.AB_TEST));
    p.updateExperience(EXP, new ExperienceInput("Homepage hero", "d2", ExperienceType.SEGMENTED));
    p.deleteExperience(EXP);

    wm.verify(
        1,
        json(
            postRequestedFor(urlEqualTo("/experiences")),
            "{\"name\":\"Homepage hero\",\"description\":\"d\",\"__type\":\"AB_TEST\"}"));
    wm.verify(
        1,
        json(
            putRequestedFor(urlEqualTo("/experiences/" + EXP)),
            "{\"name\":\"Homepage hero\",\"description\":\"d2\",\"__type\":\"SEGMENTED\"}"));
    wm.verify(1, authed(getRequestedFor(urlEqualTo("/experiences/" + EXP))));
    wm.verify(1, authed(deleteRequestedFor(urlEqualTo("/experiences/" + EXP))));
  }

  @Test
  void versionsListCreateUpdateDelete() {
    String versions =
        "[{\"uid\":\""
            + VER
            + "\",\"status\":\"ACTIVE\",\"variants\":[{\"__type\":"
            + "\"ABTestVariant\",\"name\":\"Control\",\"shortUid\":\"0\",\"trafficDistribution\":\"50\"},"
            + "{\"__type\":\"ABTestVariant\",\"name\":\"Bold\",\"shortUid\":\"1\",\"trafficDistribution\":50}],"
            + "\"metrics\":[{\"__type\":\"Primary\",\"event\":\""
            + EVT
            + "\",\"name\":\"Signup\"},"
            + "{\"__type\":\"Secondary\",\"event\":\""
            + EVT
            + "\",\"name\":\"Other\"}]}]";
    String one = "{\"uid\":\"" + VER + "\",\"status\":\"DRAFT\",\"variants\":[]}";
    wm.stubFor(get("/experiences/" + EXP + "/versions").willReturn(okJson(versions)));
    wm.stubFor(post("/experiences/" + EXP + "/versions").willReturn(okJson(one)));
    wm.stubFor(put("/experiences/" + EXP + "/versions/" + VER).willReturn(okJson(one)));
    wm.stubFor(delete("/experiences/" + EXP + "/versions/" + VER).willReturn(noContent()));

    Version v = p.listVersions(EXP).get(0);
    assertThat(v.status()).isEqualTo(VersionStatus.ACTIVE);
    assertThat(v.variants()).extracting(RemoteVariant::trafficDistribution).containsExactly(50, 50);
    assertThat(v.metrics())
        .extracting(RemoteMetric::type)
        .containsExactly(MetricType.PRIMARY, MetricType.SECONDARY);

    p.createVersion(EXP, VersionInput.draft());
    p.updateVersion(
        EXP,
        VER,
        new VersionInput(
            VersionStatus.DRAFT,
            List.of(
                RemoteVariant.segmented("kids", "0", List.of(AUD), List.of(), "OR"),
                RemoteVariant.abTest("Bold", null, 50)),
            List.of(new RemoteMetric(MetricType.PRIMARY, EVT, "Signup"))));
    p.deleteVersion(EXP, VER);

    wm.verify(
        1,
        json(
            postRequestedFor(urlEqualTo("/experiences/" + EXP + "/versions")),
            "{\"status\":\"DRAFT\"}"));
    wm.verify(
        1,
        json(
            putRequestedFor(urlEqualTo("/experiences/" + EXP + "/versions/" + VER)),
            "{\"status\":\"DRAFT\",\"variants\":[{\"__type\":\"SegmentedVariant\",\"name\":\"kids\","
                + "\"shortUid\":\"0\",\"audiences\":[\""
                + AUD
                + "\"],\"lyticsAudiences\":[],"
                + "\"audienceCombinationType\":\"OR\"},{\"__type\":\"ABTestVariant\",\"name\":\"Bold\","
                + "\"trafficDistribution\":50}],\"metrics\":[{\"__type\":\"Primary\",\"event\":\""
                + EVT
                + "\",\"name\":\"Signup\"}]}"));
    wm.verify(
        1, authed(deleteRequestedFor(urlEqualTo("/experiences/" + EXP + "/versions/" + VER))));
  }

  @Test
  void priorityGetAndPut() {
    wm.stubFor(
        get("/experiences-priority")
            .willReturn(okJson("{\"priorityOrder\":[\"" + EXP + "\",\"" + VER + "\"]}")));
    wm.stubFor(put("/experiences-priority").willReturn(okJson("{}")));

    assertThat(p.getPriority()).containsExactly(EXP, VER);
    p.setPriority(List.of(VER, EXP));

    wm.verify(
        1,
        json(
            putRequestedFor(urlEqualTo("/experiences-priority")),
            "{\"priorityOrder\":[\"" + VER + "\",\"" + EXP + "\"]}"));
  }

  @Test
  void oauthUsesBearerAuthorization() {
    Credentials oauth =
        new Credentials(
            null,
            "oauth-secret-tok",
            null,
            null,
            null,
            null,
            TestClients.API_KEY,
            TestClients.PROJECT,
            null);
    wm.stubFor(get("/events").willReturn(okJson("[]")));
    try (ContentstackClients c = TestClients.clients(wm.baseUrl(), oauth)) {
      c.personalize().listEvents();
    }
    wm.verify(
        1,
        getRequestedFor(urlEqualTo("/events"))
            .withHeader("authorization", equalTo("Bearer oauth-secret-tok"))
            .withHeader("x-project-uid", equalTo(TestClients.PROJECT))
            .withoutHeader("authtoken"));
  }

  // --- error mapping

  @Test
  void flattensPersonalizeValidationErrorsAndNamesResource() {
    wm.stubFor(
        put("/experiences/" + EXP + "/versions/" + VER)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"errors\":{\"variants\":[\"EMPTY_ARRAY\"],\"status\":[\"STATUS_REQUIRED\","
                            + "\"INVALID_STATUS\"]}}")));
    assertThatThrownBy(
            () ->
                p.about(ResourceRef.of("experience", "Homepage hero"))
                    .updateVersion(EXP, VER, VersionInput.draft()))
        .isInstanceOf(RemoteApiException.class)
        .hasMessage(
            "Personalize PUT /experiences/"
                + EXP
                + "/versions/"
                + VER
                + " failed (400): "
                + "variants: EMPTY_ARRAY; status: STATUS_REQUIRED, INVALID_STATUS"
                + " [experience \"Homepage hero\"]")
        .satisfies(e -> assertThat(((RemoteApiException) e).status()).isEqualTo(400));
  }

  @Test
  void businessCodeInMessage() {
    wm.stubFor(
        put("/experiences/" + EXP + "/versions/" + VER)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\":\"personalize.EXPERIENCES.VERSIONS.CANNOT_UPDATE_LOCKED_VERSION\","
                            + "\"statusCode\":400}")));
    assertThatThrownBy(
            () ->
                p.about(ResourceRef.of("experience", "Homepage hero"))
                    .updateVersion(EXP, VER, VersionInput.draft()))
        .hasMessage(
            "Personalize PUT /experiences/"
                + EXP
                + "/versions/"
                + VER
                + " failed (400): "
                + "personalize.EXPERIENCES.VERSIONS.CANNOT_UPDATE_LOCKED_VERSION"
                + " [experience \"Homepage hero\"]");
  }

  @Test
  void malformedJsonIsARemoteApiException() {
    wm.stubFor(get("/events").willReturn(okJson("[{\"uid\":")));
    assertThatThrownBy(() -> p.listEvents())
        .isExactlyInstanceOf(RemoteApiException.class)
        .hasMessageStartingWith(
            "Personalize GET /events failed (200): unexpected reply: malformed JSON");
  }

  @Test
  void htmlProxyPageOnSuccessStatus() {
    wm.stubFor(
        get("/events")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody(
                        "<html><head><title>Login portal</title>"
                            + "</head><body>sign in</body></html>")));
    assertThatThrownBy(() -> p.listEvents())
        .isExactlyInstanceOf(RemoteApiException.class)
        .hasMessageContaining("Personalize GET /events failed (200)")
        .hasMessageContaining("non-JSON reply (text/html")
        .hasMessageContaining("Login portal");
  }

  @Test
  void htmlGatewayErrorPage() {
    wm.stubFor(
        get("/events")
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody(
                        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")));
    assertThatThrownBy(() -> p.listEvents())
        .isExactlyInstanceOf(RemoteApiException.class)
        .hasMessage(
            "Personalize GET /events failed (502): non-JSON reply (text/html, likely a"
                + " proxy or gateway page): 502 Bad Gateway");
    wm.verify(4, getRequestedFor(urlEqualTo("/events"))); // 1 + 3 retries
  }

  @Test
  void unknownEnumValue() {
    wm.stubFor(
        get("/experiences").willReturn(okJson("[" + experienceJson("MULTI_ARMED", null) + "]")));
    assertThatThrownBy(() -> p.listExperiences())
        .isExactlyInstanceOf(RemoteApiException.class)
        .hasMessage(
            "Personalize GET /experiences failed (200): unexpected reply: at [0].__type:"
                + " unknown value 'MULTI_ARMED'");
  }

  @Test
  void missingRequiredField() {
    wm.stubFor(
        get("/experiences/" + EXP + "/versions")
            .willReturn(okJson("[{\"uid\":\"" + VER + "\",\"variants\":[]}]")));
    assertThatThrownBy(() -> p.listVersions(EXP))
        .isExactlyInstanceOf(RemoteApiException.class)
        .hasMessageContaining("Personalize GET /experiences/" + EXP + "/versions failed (200)")
        .hasMessageContaining("missing required field 'status'");
  }

  @Test
  void uidOfWrongShape() {
    wm.stubFor(get("/events").willReturn(okJson("[{\"uid\":\"not-an-id\",\"key\":\"k\"}]")));
    assertThatThrownBy(() -> p.listEvents())
        .isExactlyInstanceOf(RemoteApiException.class)
        .hasMessageContaining("field 'uid' is not a Personalize uid (24 hex): 'not-an-id'");
  }

  @Test
  void objectWhereArrayExpected() {
    wm.stubFor(get("/audiences").willReturn(okJson("{\"audiences\":[]}")));
    assertThatThrownBy(() -> p.listAudiences())
        .isExactlyInstanceOf(RemoteApiException.class)
        .hasMessageContaining("Personalize GET /audiences failed (200): unexpected reply");
  }

  @Test
  void priorityMissingField() {
    wm.stubFor(get("/experiences-priority").willReturn(okJson("{\"order\":[]}")));
    assertThatThrownBy(() -> p.getPriority())
        .isExactlyInstanceOf(RemoteApiException.class)
        .hasMessageContaining("expected {\"priorityOrder\":[…]}");
  }
}
