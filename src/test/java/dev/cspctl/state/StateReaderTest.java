package dev.cspctl.state;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.TestClients;
import dev.cspctl.api.cma.ContentTypeLink;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Match;
import dev.cspctl.testing.WireMockClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StateReaderTest {
  @RegisterExtension static WireMockExtension wm = WireMockClients.server();

  static final ObjectMapper M = new ObjectMapper();
  static final String ATTR = "650000000000000000000a01";
  static final String EVT = "650000000000000000000e01";
  static final String AUD = "650000000000000000000b01";
  static final String LYT = "0123456789abcdef0123456789abcdef";
  static final String EXP1 = "650000000000000000000c01";
  static final String EXP2 = "650000000000000000000c02";
  static final String V1A = "650000000000000000000d01";
  static final String V1B = "650000000000000000000d02";
  static final String V2A = "650000000000000000000d03";
  static final String G1 = "cs00000000000000a1";
  static final String CV0 = "cs00000000000000b0";
  static final String CV1 = "cs00000000000000b1";
  static final String ENTRY = "blt00000000000000e1";
  static final String ENTRY2 = "blt00000000000000e2";

  StateReader reader;

  @RegisterExtension
  final WireMockClients api = new WireMockClients(wm, TestClients.authtokenAndMgmt(null));

  @BeforeEach
  void setUp() {
    reader = new StateReader(api.clients().personalize(), api.clients().cma(), 4);
  }

  void stubSmallProject() {
    wm.stubFor(
        get("/attributes")
            .willReturn(
                okJson(
                    "[{\"uid\":\""
                        + ATTR
                        + "\",\"key\":\"age\","
                        + "\"name\":\"Age\",\"description\":\"years\",\"__type\":\"CUSTOM\"}]")));
    wm.stubFor(
        get("/events")
            .willReturn(
                okJson(
                    "[{\"uid\":\"" + EVT + "\",\"key\":\"signup\"," + "\"description\":\"d\"}]")));
    wm.stubFor(
        get("/audiences")
            .willReturn(
                okJson(
                    "[{\"uid\":\""
                        + AUD
                        + "\",\"name\":\"Kids\","
                        + "\"description\":\"\",\"definition\":{\"__type\":\"RuleCombination\",\"combinationType\":"
                        + "\"AND\",\"rules\":[]}},{\"uid\":\""
                        + LYT
                        + "\",\"name\":\"Fans\",\"source\":\"LYTICS\"}]")));
    wm.stubFor(
        get("/experiences")
            .willReturn(
                okJson(
                    "[{\"uid\":\""
                        + EXP1
                        + "\",\"name\":"
                        + "\"Homepage hero\",\"description\":\"d\",\"__type\":\"SEGMENTED\",\"shortUid\":\"0\","
                        + "\"status\":\"ACTIVE\",\"latestVersion\":\""
                        + V1B
                        + "\",\"_cms\":{\"variantGroup\":\""
                        + G1
                        + "\",\"variants\":{\"0\":\""
                        + CV0
                        + "\",\"1\":\""
                        + CV1
                        + "\"}}},"
                        + "{\"uid\":\""
                        + EXP2
                        + "\",\"name\":\"Button test\",\"__type\":\"AB_TEST\",\"shortUid\":\"1\","
                        + "\"status\":\"DRAFT\",\"latestVersion\":\""
                        + V2A
                        + "\"}]")));
    wm.stubFor(
        get("/experiences/" + EXP1 + "/versions")
            .willReturn(
                okJson(
                    "[{\"uid\":\""
                        + V1A
                        + "\",\"status\":\"ARCHIVED\",\"variants\":[]},{\"uid\":\""
                        + V1B
                        + "\",\"status\":\"ACTIVE\","
                        + "\"variants\":[{\"__type\":\"SegmentedVariant\",\"name\":\"kids\",\"shortUid\":\"0\","
                        + "\"audiences\":[\""
                        + AUD
                        + "\"],\"lyticsAudiences\":[],\"audienceCombinationType\":\"OR\"},"
                        + "{\"__type\":\"SegmentedVariant\",\"name\":\"fans\",\"shortUid\":\"1\",\"audiences\":[],"
                        + "\"lyticsAudiences\":[\""
                        + LYT
                        + "\"],\"audienceCombinationType\":\"AND\"}],"
                        + "\"metrics\":[{\"__type\":\"Primary\",\"event\":\""
                        + EVT
                        + "\",\"name\":\"Signup\"}]}]")));
    wm.stubFor(
        get("/experiences/" + EXP2 + "/versions")
            .willReturn(
                okJson(
                    "[{\"uid\":\""
                        + V2A
                        + "\",\"status\":\"DRAFT\",\"variants\":[{\"__type\":\"ABTestVariant\",\"name\":\"Control\","
                        + "\"shortUid\":\"0\",\"trafficDistribution\":\"60\"},{\"__type\":\"ABTestVariant\",\"name\":"
                        + "\"Bold\",\"shortUid\":\"1\",\"trafficDistribution\":40}]}]")));
    wm.stubFor(
        get("/experiences-priority")
            .willReturn(okJson("{\"priorityOrder\":[\"" + EXP2 + "\",\"" + EXP1 + "\"]}")));
    wm.stubFor(
        get(urlPathEqualTo("/v3/variant_groups"))
            .willReturn(
                okJson(
                    "{\"variant_groups\":[{"
                        + "\"uid\":\""
                        + G1
                        + "\",\"name\":\"Homepage hero\",\"content_types\":[{\"uid\":\"page\","
                        + "\"status\":\"linked\"},{\"uid\":\"old\",\"status\":\"unlinked\"}],\"personalize_metadata\":"
                        + "{\"experience_uid\":\""
                        + EXP1
                        + "\",\"experience_short_uid\":\"0\"},\"variants\":[{\"uid\":\""
                        + CV0
                        + "\",\"name\":\"kids\",\"personalize_metadata\":{\"variant_short_uid\":\"0\"},"
                        + "\"alias\":\"cs_personalize_0_0\"},{\"uid\":\""
                        + CV1
                        + "\",\"name\":\"fans\","
                        + "\"personalize_metadata\":{\"variant_short_uid\":\"1\"},\"alias\":\"cs_personalize_0_1\"}]}],"
                        + "\"count\":1}")));
    wm.stubFor(
        get(urlPathEqualTo("/v3/content_types/page/entries/" + ENTRY + "/variants"))
            .willReturn(
                okJson(
                    "{\"entries\":["
                        + entry(CV0, "Hi kids")
                        + ","
                        + entry(CV1, "Hi fans")
                        + "],\"count\":2}")));
    wm.stubFor(
        get(urlPathEqualTo("/v3/content_types/page/entries/" + ENTRY2 + "/variants"))
            .willReturn(okJson("{\"entries\":[],\"count\":0}")));
  }

  static String entry(String variant, String title) {
    return "{\"uid\":\""
        + ENTRY
        + "\",\"locale\":\"en-us\",\"_version\":4,\"title\":\""
        + title
        + "\",\"created_at\":\"2024\",\"updated_by\":\"blt\",\"publish_details\":[],"
        + "\"hero\":{\"heading\":\""
        + title
        + "\"},\"_variant\":{\"_uid\":\""
        + variant
        + "\","
        + "\"_change_set\":[\"title\",\"hero.heading\"],\"_base_entry_version\":2}}";
  }

  static long count(String prefix) {
    return wm.getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .filter(r -> r.getUrl().startsWith(prefix))
        .count();
  }

  @Test
  void readsSmallProjectIntoModelWithinRequestBudget() throws Exception {
    stubSmallProject();
    ReadScope scope =
        ReadScope.of(
            List.of(new EntryKey("page", ENTRY, "en-us"), new EntryKey("page", ENTRY2, "en-us")));

    LiveState s = reader.read(scope);

    assertThat(s.attributes()).containsExactly(new LiveAttribute(ATTR, "age", "Age", "years"));
    assertThat(s.events()).containsExactly(new LiveEvent(EVT, "signup", "d"));
    assertThat(s.audiences()).hasSize(2);
    assertThat(s.audienceByName("Fans").orElseThrow().source()).isEqualTo(AudienceSource.LYTICS);
    assertThat(s.audienceByName("Kids").orElseThrow().definition().get("combinationType").asText())
        .isEqualTo("AND");
    assertThat(s.priorityOrder()).containsExactly(EXP2, EXP1);

    LiveExperience hero = s.experienceByName("Homepage hero").orElseThrow();
    assertThat(hero.type()).isEqualTo(ExperienceType.SEGMENTED);
    assertThat(hero.cms()).isEqualTo(new LiveCms(G1, Map.of("0", CV0, "1", CV1)));
    assertThat(hero.versions())
        .extracting(LiveVersion::status)
        .containsExactly(LiveVersionStatus.ARCHIVED, LiveVersionStatus.ACTIVE);
    LiveVersion active = hero.currentVersion().orElseThrow();
    assertThat(active.uid()).isEqualTo(V1B);
    assertThat(active.variants())
        .containsExactly(
            new LiveVariant(
                ExperienceType.SEGMENTED, "kids", "0", List.of(AUD), List.of(), Match.ANY, null),
            new LiveVariant(
                ExperienceType.SEGMENTED, "fans", "1", List.of(), List.of(LYT), Match.ALL, null));
    assertThat(active.metrics()).containsExactly(new LiveMetric(MetricKind.PRIMARY, EVT, "Signup"));

    LiveExperience ab = s.experienceByUid(EXP2).orElseThrow();
    assertThat(ab.type()).isEqualTo(ExperienceType.AB_TEST);
    assertThat(ab.cms()).isNull();
    assertThat(ab.currentVersion().orElseThrow().variants())
        .extracting(LiveVariant::trafficDistribution)
        .containsExactly(60, 40);

    LiveVariantGroup g = s.variantGroupOf(hero).orElseThrow();
    assertThat(g.experienceUid()).isEqualTo(EXP1);
    assertThat(g.linkedContentTypes()).containsExactly("page");
    assertThat(g.contentTypes()).contains(new ContentTypeLink("old", "unlinked"));
    assertThat(g.variants()).extracting(LiveCmsVariant::shortUid).containsExactly("0", "1");

    EntryKey key = new EntryKey("page", ENTRY, "en-us");
    assertThat(s.entryVariants()).hasSize(2);
    LiveEntryVariant kids = s.entryVariant(key, CV0).orElseThrow();
    assertThat(kids.fields())
        .isEqualTo(M.readTree("{\"title\":\"Hi kids\",\"hero\":{\"heading\":\"Hi kids\"}}"));
    assertThat(kids.changeSet()).containsExactly("title", "hero.heading");
    assertThat(kids.version()).isEqualTo(4);
    assertThat(s.entryVariants(new EntryKey("page", ENTRY2, "en-us"))).isEmpty();

    // request budget: Personalize = 5 + E, CMA = ceil(G/100) + sum ceil(V_i/100) (min 1 each)
    long personalize =
        wm.getAllServeEvents().stream()
            .filter(e -> !e.getRequest().getUrl().startsWith("/v3/"))
            .count();
    long cma = count("/v3/");
    assertThat(personalize).isEqualTo(StateReader.expectedPersonalizeRequests(2)).isEqualTo(7);
    assertThat(cma).isEqualTo(StateReader.expectedCmaRequests(1, List.of(2, 0))).isEqualTo(3);
    assertThat(wm.getAllServeEvents())
        .allMatch(e -> e.getRequest().getMethod().getName().equals("GET"));
  }

  @Test
  void largeListsArePagedWithinTheFormula() {
    stubSmallProject();
    String groups1 =
        IntStream.range(0, 100)
            .mapToObj(
                i -> "{\"uid\":\"" + String.format("cs%016x", i) + "\",\"name\":\"g" + i + "\"}")
            .collect(Collectors.joining(","));
    String groups2 =
        IntStream.range(100, 150)
            .mapToObj(
                i -> "{\"uid\":\"" + String.format("cs%016x", i) + "\",\"name\":\"g" + i + "\"}")
            .collect(Collectors.joining(","));
    wm.stubFor(
        get(urlPathEqualTo("/v3/variant_groups"))
            .withQueryParam("skip", equalTo("0"))
            .willReturn(okJson("{\"variant_groups\":[" + groups1 + "],\"count\":150}")));
    wm.stubFor(
        get(urlPathEqualTo("/v3/variant_groups"))
            .withQueryParam("skip", equalTo("100"))
            .willReturn(okJson("{\"variant_groups\":[" + groups2 + "],\"count\":150}")));
    List<String> hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add(entry(String.format("cs%016x", i), "t" + i));
    }
    wm.stubFor(
        get(urlPathEqualTo("/v3/content_types/page/entries/" + ENTRY + "/variants"))
            .willReturn(okJson("{\"entries\":[" + String.join(",", hundred) + "],\"count\":100}")));

    LiveState s = reader.read(ReadScope.of(List.of(new EntryKey("page", ENTRY, "en-us"))));

    assertThat(s.variantGroups()).hasSize(150);
    assertThat(s.entryVariants()).hasSize(100);
    assertThat(count("/v3/"))
        .isEqualTo(StateReader.expectedCmaRequests(150, List.of(100)))
        .isEqualTo(3);
  }

  @Test
  void failureOfAnyReadIsReportedAsRemoteApiException() {
    stubSmallProject();
    wm.stubFor(
        get("/experiences/" + EXP2 + "/versions")
            .willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Forbidden\"}")));
    assertThatThrownBy(() -> reader.read(ReadScope.empty()))
        .isExactlyInstanceOf(RemoteApiException.class)
        .hasMessage("Personalize GET /experiences/" + EXP2 + "/versions failed (403): Forbidden");
  }

  @Test
  void readsConcurrently() {
    stubSmallProject();
    wm.stubFor(get("/attributes").willReturn(okJson("[]").withFixedDelay(150)));
    wm.stubFor(get("/events").willReturn(okJson("[]").withFixedDelay(150)));
    wm.stubFor(get("/audiences").willReturn(okJson("[]").withFixedDelay(150)));
    wm.stubFor(
        get("/experiences-priority")
            .willReturn(okJson("{\"priorityOrder\":[]}").withFixedDelay(150)));
    long start = System.nanoTime();
    reader.read(ReadScope.empty());
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(ms).as("4 x 150 ms reads overlap").isLessThan(550);
  }
}
