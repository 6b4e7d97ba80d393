package dev.cspctl.api.cma;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.Credentials;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.TestClients;
import dev.cspctl.testing.WireMockClients;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CmaClientTest {
  @RegisterExtension static WireMockExtension wm = WireMockClients.server();

  static final ObjectMapper M = new ObjectMapper();
  static final String GROUP = "cs0123456789abcdef";
  static final String VAR = "csaaaaaaaaaaaaaaaa";
  static final String ENTRY = "blt0123456789abcdef";
  static final String VPATH = "/v3/content_types/page/entries/" + ENTRY + "/variants";

  @RegisterExtension
  final WireMockClients api = new WireMockClients(wm, TestClients.authtokenAndMgmt("dev"));

  CmaClient cma;

  @BeforeEach
  void setUp() {
    cma = api.clients().cma();
  }

  /** Management token + api_key + branch; never the user authtoken or the project header. */
  static RequestPatternBuilder authed(RequestPatternBuilder b) {
    return b.withHeader("api_key", equalTo(TestClients.API_KEY))
        .withHeader("authorization", equalTo(TestClients.MGMT))
        .withHeader("branch", equalTo("dev"))
        .withoutHeader("authtoken")
        .withoutHeader("x-project-uid");
  }

  static String group(String uid, String name) {
    return "{\"uid\":\""
        + uid
        + "\",\"name\":\""
        + name
        + "\",\"content_types\":[{\"uid\":\"page\","
        + "\"status\":\"linked\"}],\"personalize_metadata\":{\"project_uid\":\"p\",\"experience_uid\":"
        + "\"65f0e0a1b2c3d4e5f6a7b8c9\",\"experience_short_uid\":\"0\",\"status\":\"linked\"},"
        + "\"branches\":[\"main\"],\"variant_count\":1,\"variants\":[{\"uid\":\""
        + VAR
        + "\","
        + "\"name\":\"kids\",\"variant_group_uid\":\""
        + uid
        + "\",\"personalize_metadata\":"
        + "{\"variant_short_uid\":\"0\"},\"alias\":\"cs_personalize_0_0\"}]}";
  }

  static String groupUid(int i) {
    return String.format("cs%016x", i);
  }

  @Test
  void variantGroupsArePaginatedByHundred() {
    String page1 =
        IntStream.range(0, 100)
            .mapToObj(i -> group(groupUid(i), "g" + i))
            .collect(Collectors.joining(","));
    String page2 =
        IntStream.range(100, 130)
            .mapToObj(i -> group(groupUid(i), "g" + i))
            .collect(Collectors.joining(","));
    wm.stubFor(
        get(urlPathEqualTo("/v3/variant_groups"))
            .withQueryParam("skip", equalTo("0"))
            .willReturn(okJson("{\"variant_groups\":[" + page1 + "],\"count\":130}")));
    wm.stubFor(
        get(urlPathEqualTo("/v3/variant_groups"))
            .withQueryParam("skip", equalTo("100"))
            .willReturn(okJson("{\"variant_groups\":[" + page2 + "],\"count\":130}")));

    List<VariantGroup> all = cma.listAllVariantGroups();

    assertThat(all).hasSize(130);
    assertThat(all.get(0).variants().get(0).shortUid()).isEqualTo("0");
    assertThat(all.get(0).experienceUid()).isEqualTo("65f0e0a1b2c3d4e5f6a7b8c9");
    wm.verify(
        1,
        authed(
            getRequestedFor(
                urlEqualTo(
                    "/v3/variant_groups?skip=0&limit=100"
                        + "&include_count=true&include_variant_info=true"))));
    wm.verify(
        1,
        authed(
            getRequestedFor(
                urlEqualTo(
                    "/v3/variant_groups?skip=100&limit=100"
                        + "&include_count=true&include_variant_info=true"))));
    wm.verify(2, getRequestedFor(urlPathEqualTo("/v3/variant_groups")));
  }

  @Test
  void foreignVariantGroupWithCustomUidIsAccepted() {
    wm.stubFor(
        get(urlPathEqualTo("/v3/variant_groups"))
            .willReturn(
                okJson(
                    "{\"variant_groups\":"
                        + "[{\"uid\":\"my_colors\",\"name\":\"Colors\",\"variants\":[{\"uid\":\"red\","
                        + "\"name\":\"Red\"}]}],\"count\":1}")));
    assertThat(cma.listAllVariantGroups())
        .singleElement()
        .satisfies(g -> assertThat(g.experienceUid()).isNull());
  }

  @Test
  void linkSendsNameAndFullContentTypeList() {
    wm.stubFor(put("/v3/variant_groups/" + GROUP).willReturn(okJson("{\"message\":\"ok\"}")));
    cma.linkContentTypes(
        GROUP,
        "Homepage hero",
        List.of(ContentTypeLink.linked("page"), ContentTypeLink.linked("banner")));
    wm.verify(
        1,
        authed(putRequestedFor(urlEqualTo("/v3/variant_groups/" + GROUP)))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"Homepage hero\",\"content_types\":["
                        + "{\"uid\":\"page\",\"status\":\"linked\"},{\"uid\":\"banner\",\"status\":\"linked\"}]}")));
  }

  @Test
  void documentedLinkFormBehindTheSameMethod() {
    wm.stubFor(
        put("/v3/variant_groups/" + GROUP + "/variants")
            .willReturn(
                okJson("{\"message\":\"Variant Group and Variants updated successfully\"}")));
    cma.withLinkViaGroupPut(false)
        .linkContentTypes(
            GROUP,
            "Homepage hero",
            List.of(ContentTypeLink.linked("page"), new ContentTypeLink("old", "unlinked")));
    wm.verify(
        1,
        authed(putRequestedFor(urlEqualTo("/v3/variant_groups/" + GROUP + "/variants")))
            .withRequestBody(
                equalToJson(
                    "{\"content_types\":[{\"uid\":\"page\",\"status\":"
                        + "\"linked\"},{\"uid\":\"old\",\"status\":\"unlinked\"}],\"uid\":\""
                        + GROUP
                        + "\",\"branches\":[\"dev\"]}")));
  }

  static String entryJson(String variant, int version) {
    return "{\"uid\":\""
        + ENTRY
        + "\",\"locale\":\"en-us\",\"_version\":"
        + version
        + ","
        + "\"title\":\"red\",\"created_at\":\"x\",\"_variant\":{\"_change_set\":[\"title\"],"
        + "\"_uid\":\""
        + variant
        + "\",\"_base_entry_version\":1}}";
  }

  @Test
  void entryVariantUpsertGetDelete() throws Exception {
    wm.stubFor(
        put(urlPathEqualTo(VPATH + "/" + VAR))
            .willReturn(
                okJson(
                    "{\"notice\":\"Entry variant created successfully.\",\"entry\":"
                        + entryJson(VAR, 3)
                        + "}")));
    wm.stubFor(
        get(urlPathEqualTo(VPATH + "/" + VAR))
            .willReturn(okJson("{\"entry\":" + entryJson(VAR, 3) + "}")));
    wm.stubFor(
        delete(urlPathEqualTo(VPATH + "/" + VAR))
            .willReturn(okJson("{\"notice\":\"Entry variant deleted successfully.\"}")));

    ObjectNode entry =
        (ObjectNode)
            M.readTree("{\"title\":\"red\",\"_variant\":{\"_change_set\":" + "[\"title\"]}}");
    EntryVariant up = cma.upsertEntryVariant("page", ENTRY, VAR, "en-us", entry);
    assertThat(up.variantUid()).isEqualTo(VAR);
    assertThat(up.version()).isEqualTo(3);
    assertThat(up.changeSet()).containsExactly("title");
    assertThat(cma.getEntryVariant("page", ENTRY, VAR, "en-us").entry().get("title").asText())
        .isEqualTo("red");
    cma.deleteEntryVariant("page", ENTRY, VAR, "en-us");

    wm.verify(
        1,
        authed(putRequestedFor(urlEqualTo(VPATH + "/" + VAR + "?locale=en-us")))
            .withHeader("Content-Type", containing("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"entry\":{\"title\":\"red\",\"_variant\":{\"_change_set\":"
                        + "[\"title\"]}}}")));
    wm.verify(1, authed(getRequestedFor(urlEqualTo(VPATH + "/" + VAR + "?locale=en-us"))));
    wm.verify(1, authed(deleteRequestedFor(urlEqualTo(VPATH + "/" + VAR + "?locale=en-us"))));
  }

  @Test
  void entryVariantListIsPaginated() {
    List<String> page1 = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      page1.add(entryJson(String.format("cs%016x", i), 1));
    }
    wm.stubFor(
        get(urlPathEqualTo(VPATH))
            .withQueryParam("skip", equalTo("0"))
            .willReturn(okJson("{\"entries\":[" + String.join(",", page1) + "],\"count\":101}")));
    wm.stubFor(
        get(urlPathEqualTo(VPATH))
            .withQueryParam("skip", equalTo("100"))
            .willReturn(okJson("{\"entries\":[" + entryJson(VAR, 2) + "],\"count\":101}")));

    List<EntryVariant> all = cma.listAllEntryVariants("page", ENTRY, "en-us");
    assertThat(all).hasSize(101);
    assertThat(all.get(100).variantUid()).isEqualTo(VAR);
    wm.verify(
        1,
        authed(
            getRequestedFor(
                urlEqualTo(
                    VPATH
                        + "?locale=en-us&skip=0&limit=100&include_count=true&include_publish_details=true"))));
    wm.verify(
        1,
        authed(
            getRequestedFor(
                urlEqualTo(
                    VPATH
                        + "?locale=en-us&skip=100&limit=100&include_count=true&include_publish_details=true"))));
  }

  @Test
  void entryVariantWithoutVariantBlockIsBadReply() {
    wm.stubFor(
        get(urlPathEqualTo(VPATH))
            .willReturn(
                okJson("{\"entries\":[{\"uid\":\"" + ENTRY + "\",\"title\":\"x\"}],\"count\":1}")));
    assertThatThrownBy(() -> cma.listAllEntryVariants("page", ENTRY, "en-us"))
        .isExactlyInstanceOf(RemoteApiException.class)
        .hasMessageContaining(
            "CMA GET "
                + VPATH
                + "?locale=en-us&skip=0&limit=100&include_count=true&include_publish_details=true"
                + " failed (200): unexpected reply: at entries[0]: missing required field '_variant'");
  }

  @Test
  void baseEntryVersion() {
    wm.stubFor(
        get(urlPathEqualTo("/v3/content_types/page/entries/" + ENTRY))
            .willReturn(
                okJson("{\"entry\":{\"uid\":\"" + ENTRY + "\",\"_version\":7,\"title\":\"t\"}}")));
    assertThat(cma.getEntryVersion("page", ENTRY, "en-us")).isEqualTo(7);
    wm.verify(
        1,
        authed(
            getRequestedFor(
                urlEqualTo("/v3/content_types/page/entries/" + ENTRY + "?locale=en-us"))));
  }

  @Test
  void singleEntryPublishUsesApiVersion32() {
    wm.stubFor(
        post("/v3/content_types/page/entries/" + ENTRY + "/publish")
            .willReturn(
                okJson(
                    "{\"notice\":\"The requested action has been performed.\",\"job_id\":\"j1\"}")));
    PublishResult r =
        cma.publishEntryVariants(
            "page",
            ENTRY,
            "en-us",
            List.of("production"),
            List.of("en-us"),
            List.of(new VariantRef(VAR, 1)));
    assertThat(r.jobId()).isEqualTo("j1");
    wm.verify(
        1,
        authed(postRequestedFor(urlEqualTo("/v3/content_types/page/entries/" + ENTRY + "/publish")))
            .withHeader("api_version", equalTo("3.2"))
            .withRequestBody(
                equalToJson(
                    "{\"entry\":{\"environments\":[\"production\"],\"locales\":"
                        + "[\"en-us\"],\"variants\":[{\"uid\":\""
                        + VAR
                        + "\",\"version\":1}],\"variant_rules\":"
                        + "{\"publish_latest_base\":false,\"publish_latest_base_conditionally\":true}},"
                        + "\"locale\":\"en-us\"}")));
  }

  @Test
  void bulkPublishBatchesWithinLimits() {
    wm.stubFor(
        post("/v3/bulk/publish")
            .willReturn(
                okJson(
                    "{\"notice\":\"Your bulk publish request is in progress.\",\"job_id\":\"j\"}")));
    List<BulkEntry> entries = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      entries.add(new BulkEntry("blt" + i, "page", 5, "en-us", List.of(new VariantRef(VAR, null))));
    }
    List<PublishResult> results =
        cma.bulkPublishAll(entries, List.of("en-us"), List.of("production"));
    assertThat(results).hasSize(2);
    wm.verify(
        2,
        authed(postRequestedFor(urlEqualTo("/v3/bulk/publish")))
            .withHeader("api_version", equalTo("3.2")));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo("/v3/bulk/publish"))
            .withRequestBody(
                equalToJson(
                    "{\"entries\":[{\"uid\":\"blt10\",\"content_type\":\"page\",\"version\":5,\"locale\":\"en-us\","
                        + "\"variants\":[{\"uid\":\""
                        + VAR
                        + "\"}]},{\"uid\":\"blt11\",\"content_type\":\"page\","
                        + "\"version\":5,\"locale\":\"en-us\",\"variants\":[{\"uid\":\""
                        + VAR
                        + "\"}]}],"
                        + "\"locales\":[\"en-us\"],\"environments\":[\"production\"],"
                        + "\"publish_with_reference\":true}")));
  }

  @Test
  void loginOnceThenUsesAuthtokenAndLogsOutOnClose() {
    wm.stubFor(
        post("/v3/user-session")
            .willReturn(
                okJson(
                    "{\"notice\":\"Login Successful.\","
                        + "\"user\":{\"uid\":\"bltu\",\"authtoken\":\"blt-logged-in-token\"}}")));
    wm.stubFor(delete("/v3/user-session").willReturn(okJson("{\"notice\":\"bye\"}")));
    wm.stubFor(
        get(urlPathEqualTo("/v3/variant_groups"))
            .willReturn(okJson("{\"variant_groups\":[],\"count\":0}")));
    wm.stubFor(get("/events").willReturn(okJson("[]")));
    Credentials login =
        new Credentials(
            null,
            null,
            "a@b.c",
            "pw-secret-123",
            "123456",
            null,
            TestClients.API_KEY,
            TestClients.PROJECT,
            null);
    try (ContentstackClients c = TestClients.clients(wm.baseUrl(), login)) {
      c.cma().listAllVariantGroups();
      c.personalize().listEvents();
      c.personalize().listEvents();
    }
    wm.verify(
        1,
        postRequestedFor(urlEqualTo("/v3/user-session"))
            .withoutHeader("authtoken")
            .withoutHeader("api_key")
            .withRequestBody(
                equalToJson(
                    "{\"user\":{\"email\":\"a@b.c\",\"password\":\"pw-secret-123\",\"tfa_token\":\"123456\"}}")));
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo("/v3/variant_groups"))
            .withHeader("authtoken", equalTo("blt-logged-in-token"))
            .withHeader("api_key", equalTo(TestClients.API_KEY))
            .withoutHeader("authorization")
            .withoutHeader("branch"));
    wm.verify(
        2,
        getRequestedFor(urlEqualTo("/events"))
            .withHeader("authtoken", equalTo("blt-logged-in-token")));
    wm.verify(
        1,
        deleteRequestedFor(urlEqualTo("/v3/user-session"))
            .withHeader("authtoken", equalTo("blt-logged-in-token")));
  }

  @Test
  void cmaErrorMessageOrder() {
    wm.stubFor(
        put(urlPathEqualTo(VPATH + "/" + VAR))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error_message\":\"The Variant"
                            + " 'csX' does not belong to the Content Type 'page'.\",\"error_code\":141,"
                            + "\"errors\":{\"variant\":[\"is not linked\"]},\"message\":\"ignored\"}")));
    assertThatThrownBy(
            () -> cma.upsertEntryVariant("page", ENTRY, VAR, "en-us", M.createObjectNode()))
        .hasMessage(
            "CMA PUT "
                + VPATH
                + "/"
                + VAR
                + "?locale=en-us failed (422): The Variant 'csX'"
                + " does not belong to the Content Type 'page'. (variant: is not linked)");
    wm.verify(1, putRequestedFor(urlPathEqualTo(VPATH + "/" + VAR))); // 422 is not retried
  }

  @Test
  void baseEntriesOfAContentTypeArePaginated() {
    String page1 =
        IntStream.range(0, 100)
            .mapToObj(
                i ->
                    String.format("{\"uid\":\"blt%016x\",\"locale\":\"en-us\",\"title\":\"t\"}", i))
            .collect(Collectors.joining(","));
    String path = "/v3/content_types/page/entries";
    wm.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("skip", equalTo("0"))
            .willReturn(okJson("{\"entries\":[" + page1 + "],\"count\":101}")));
    wm.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("skip", equalTo("100"))
            .willReturn(okJson("{\"entries\":[{\"uid\":\"" + ENTRY + "\"}],\"count\":101}")));

    List<CmsEntry> all = cma.listAllEntries("page", "en-us");

    assertThat(all).hasSize(101);
    assertThat(all.get(100)).isEqualTo(new CmsEntry(ENTRY, "en-us"));
    wm.verify(
        1,
        authed(
            getRequestedFor(
                urlEqualTo(path + "?locale=en-us&skip=0&limit=100&include_count=true"))));
    wm.verify(
        1,
        authed(
            getRequestedFor(
                urlEqualTo(path + "?locale=en-us&skip=100&limit=100&include_count=true"))));
  }

  @Test
  void baseEntryWithoutUidIsBadReply() {
    wm.stubFor(
        get(urlPathEqualTo("/v3/content_types/page/entries"))
            .willReturn(okJson("{\"entries\":[{\"title\":\"x\"}],\"count\":1}")));
    assertThatThrownBy(() -> cma.listAllEntries("page", "en-us"))
        .isExactlyInstanceOf(RemoteApiException.class)
        .hasMessageContaining("at entries[0]: missing required field 'uid'");
  }

  @Test
  void existingEntryUidsAsksOneQueryForTheUidsAndKeepsOnlyThoseItAskedFor() {
    wm.stubFor(
        get(urlPathEqualTo("/v3/content_types/page/entries"))
            .withQueryParam("query", equalToJson("{\"uid\":{\"$in\":[\"blt1\",\"blt2\"]}}"))
            .withQueryParam("only[BASE][]", equalTo("uid"))
            .withQueryParam("limit", equalTo("100"))
            .willReturn(okJson("{\"entries\":[{\"uid\":\"blt1\"},{\"uid\":\"other\"}]}")));
    assertThat(cma.existingEntryUids("page", List.of("blt1", "blt2"))).containsExactly("blt1");
    wm.verify(1, authed(getRequestedFor(urlPathEqualTo("/v3/content_types/page/entries"))));
    List<String> tooMany = IntStream.range(0, 101).mapToObj(n -> "blt" + n).toList();
    assertThatThrownBy(() -> cma.existingEntryUids("page", tooMany))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
