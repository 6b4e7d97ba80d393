package dev.cspctl.api;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cspctl.state.ReadScope;
import dev.cspctl.state.StateReader;
import dev.cspctl.testing.WireMockClients;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed reply surfaces as a RemoteApiException naming the call, never NPE/Jackson. */
class MalformedRepliesTest {
  @RegisterExtension static WireMockExtension wm = WireMockClients.server();

  static final String EXP = "650000000000000000000c01";

  @RegisterExtension
  final WireMockClients api = new WireMockClients(wm, TestClients.authtokenAndMgmt(null));

  ContentstackClients c;

  @BeforeEach
  void setUp() {
    c = api.clients();
  }

  static Stream<Arguments> cases() {
    String exp = "{\"uid\":\"" + EXP + "\",\"name\":\"x\",\"__type\":\"SEGMENTED\"";
    String ver = "{\"uid\":\"" + EXP + "\",\"status\":\"DRAFT\"";
    return Stream.of(
        Arguments.of("/experiences", "[null]"),
        Arguments.of("/experiences", "[1]"),
        Arguments.of("/experiences", "[{}]"),
        Arguments.of("/experiences", "\"str\""),
        Arguments.of("/experiences", "null"),
        Arguments.of("/experiences", "[{\"uid\":null}]"),
        Arguments.of("/experiences", "[" + exp + ",\"_cms\":{\"variants\":{\"0\":null}}}]"),
        Arguments.of("/experiences", "[" + exp + ",\"_cms\":{\"variantGroup\":\"blt123\"}}]"),
        Arguments.of("/experiences", "[" + exp + ",\"latestVersion\":42}]"),
        Arguments.of("/experiences", "[" + exp + ",\"referredAudiences\":[null]}]"),
        Arguments.of("/experiences/" + EXP + "/versions", "[" + ver + ",\"variants\":[null]}]"),
        Arguments.of(
            "/experiences/" + EXP + "/versions",
            "[" + ver + ",\"variants\":[{\"__type\":\"Nope\"}]}]"),
        Arguments.of(
            "/experiences/" + EXP + "/versions",
            "["
                + ver
                + ",\"variants\":[{\"__type\":\"ABTestVariant\",\"trafficDistribution\":\"fifty\"}]}]"),
        Arguments.of("/experiences/" + EXP + "/versions", "[" + ver + ",\"status\":\"PAUSE\"}]"),
        Arguments.of(
            "/experiences/" + EXP + "/versions", "[" + ver + ",\"metrics\":[{\"__type\":7}]}]"),
        Arguments.of("/experiences-priority", "{\"priorityOrder\":[1,2]}"),
        Arguments.of("/experiences-priority", "{\"priorityOrder\":\"x\"}"),
        Arguments.of("/v3/variant_groups", "{\"count\":1}"),
        Arguments.of(
            "/v3/variant_groups",
            "{\"variant_groups\":[{\"uid\":\"cs0\",\"name\":\"g\","
                + "\"personalize_metadata\":{\"experience_uid\":\""
                + EXP
                + "\"}}]}"),
        Arguments.of("/v3/variant_groups", "{\"variant_groups\":[{\"uid\":\"\",\"name\":\"g\"}]}"),
        Arguments.of(
            "/v3/variant_groups",
            "{\"variant_groups\":[{\"uid\":\"cs00000000000000a1\","
                + "\"name\":\"g\",\"content_types\":[{\"status\":\"linked\"}]}]}"),
        Arguments.of("/v3/content_types/page/entries/blt1/variants", "{\"entries\":{}}"),
        Arguments.of(
            "/v3/content_types/page/entries/blt1/variants",
            "{\"entries\":[{\"_variant\":{\"_uid\":5}}]}"),
        Arguments.of("/v3/content_types/page/entries/blt1/variants", "{\"entries\":[null]}"),
        Arguments.of("/attributes", "<html><body>Service Unavailable</body></html>"),
        Arguments.of("/events", "[{\"uid\":\"" + EXP + "\",\"key\":"));
  }

  @ParameterizedTest(name = "{0} <- {1}")
  @MethodSource("cases")
  void malformedReplyIsARemoteApiException(String path, String body) {
    stubValidProject();
    wm.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(okJson(body)));
    StateReader reader = new StateReader(c.personalize(), c.cma());
    Throwable t =
        catchThrowable(
            () ->
                reader.read(
                    ReadScope.of(List.of(new dev.cspctl.state.EntryKey("page", "blt1", "en-us")))));
    assertThat(t).isExactlyInstanceOf(RemoteApiException.class);
    RemoteApiException e = (RemoteApiException) t;
    assertThat(e.getMessage())
        .contains("GET " + path)
        .contains("(200)")
        .contains("unexpected reply: ")
        .doesNotContain("com.fasterxml")
        .doesNotContain("Exception");
    assertThat(e.status()).isEqualTo(200);
  }

  void stubValidProject() {
    Consumer<String[]> ok =
        pb -> wm.stubFor(get(urlPathEqualTo(pb[0])).atPriority(5).willReturn(okJson(pb[1])));
    ok.accept(new String[] {"/attributes", "[]"});
    ok.accept(new String[] {"/events", "[]"});
    ok.accept(new String[] {"/audiences", "[]"});
    ok.accept(
        new String[] {
          "/experiences", "[{\"uid\":\"" + EXP + "\",\"name\":\"x\",\"__type\":\"SEGMENTED\"}]"
        });
    ok.accept(new String[] {"/experiences/" + EXP + "/versions", "[]"});
    ok.accept(new String[] {"/experiences-priority", "{\"priorityOrder\":[]}"});
    ok.accept(new String[] {"/v3/variant_groups", "{\"variant_groups\":[],\"count\":0}"});
    ok.accept(
        new String[] {
          "/v3/content_types/page/entries/blt1/variants", "{\"entries\":[],\"count\":0}"
        });
  }
}
