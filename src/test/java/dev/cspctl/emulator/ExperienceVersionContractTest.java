package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperienceVersionContractTest extends EmulatorTestBase {
  private String versionsPath(String exp) {
    return "/experiences/" + exp + "/versions";
  }

  @Test
  void createGivesSummaryWithEmptyDraftAndMonotonicShortUids() {
    Api.Res r =
        api.p(
            "POST",
            "/experiences",
            Map.of("name", "Home", "description", "d", "__type", "SEGMENTED"));
    assertThat(r.status()).isEqualTo(201);
    JsonNode e = r.body();
    assertThat(e.path("shortUid").asText()).isEqualTo("0");
    assertThat(e.path("status").asText()).isEqualTo("DRAFT");
    assertThat(e.has("_cms")).isFalse();
    for (String f :
        List.of(
            "uid",
            "name",
            "description",
            "__type",
            "latestVersion",
            "referredAudiences",
            "referredLyticsAudiences")) {
      assertThat(e.has(f)).as(f).isTrue();
    }
    String second = api.experience("Two", "AB_TEST");
    assertThat(api.p("GET", "/experiences/" + second, null).text("/shortUid")).isEqualTo("1");
    JsonNode versions = api.p("GET", versionsPath(e.path("uid").asText()), null).body();
    assertThat(versions.isArray()).isTrue();
    assertThat(versions.get(0).path("status").asText()).isEqualTo("DRAFT");
    assertThat(versions.get(0).path("variants").size()).isZero();
    assertThat(api.p("GET", "/experiences", null).body().size()).isEqualTo(2);
    assertThat(api.p("POST", "/experiences", Map.of("name", "x", "__type", "OTHER")).status())
        .isEqualTo(400);
  }

  @Test
  void putExperienceAndDeleteEvenWhenActive() {
    String aud = api.audience("a");
    String exp = api.experience("E", "SEGMENTED");
    assertThat(
            api.p(
                    "PUT",
                    "/experiences/" + exp,
                    Map.of("name", "E2", "description", "x", "__type", "SEGMENTED"))
                .text("/name"))
        .isEqualTo("E2");
    api.p(
        "PUT",
        versionsPath(exp) + "/" + api.latestVersion(exp),
        Api.version("ACTIVE", Api.segmented("v", null, aud)));
    assertThat(api.p("GET", "/experiences/" + exp, null).text("/status")).isEqualTo("ACTIVE");
    assertThat(api.p("DELETE", "/experiences/" + exp, null).status()).isEqualTo(204);
    assertThat(api.p("GET", "/experiences/" + exp, null).status()).isEqualTo(404);
  }

  @Test
  void singleVersionGetIsCannotGet404() {
    String exp = api.experience("E", "SEGMENTED");
    String v = api.latestVersion(exp);
    Api.Res r = api.p("GET", versionsPath(exp) + "/" + v, null);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.text("/message")).isEqualTo("Cannot GET " + versionsPath(exp) + "/" + v);
  }

  @Test
  void putRequiresStatusAndVariants() {
    String exp = api.experience("E", "SEGMENTED");
    String path = versionsPath(exp) + "/" + api.latestVersion(exp);
    Api.Res r = api.p("PUT", path, Map.of());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("errors").path("status").toString())
        .contains("STATUS_REQUIRED", "INVALID_STATUS");
    assertThat(r.body().path("errors").path("variants").toString()).contains("VARIANTS_NOT_ARRAY");
    Api.Res empty = api.p("PUT", path, Map.of("status", "ACTIVE", "variants", List.of()));
    assertThat(empty.body().path("errors").path("variants").get(0).asText())
        .isEqualTo("EMPTY_ARRAY");
    Api.Res bogus = api.p("PUT", path, Map.of("status", "LIVE", "variants", "x"));
    assertThat(bogus.body().path("errors").path("status").get(0).asText())
        .isEqualTo("INVALID_STATUS");
    assertThat(bogus.body().path("errors").path("variants").get(0).asText())
        .isEqualTo("VARIANTS_NOT_ARRAY");
  }

  @Test
  void segmentedVariantValidationIncludingLyticsIdInAudiences() {
    String aud = api.audience("a");
    String exp = api.experience("E", "SEGMENTED");
    String path = versionsPath(exp) + "/" + api.latestVersion(exp);
    String lytics = "0123456789abcdef0123456789abcdef";
    Api.Res r = api.p("PUT", path, Api.version("DRAFT", Api.segmented("v", null, lytics)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().toString()).contains(lytics + " is not a valid ObjectId");
    Api.Res missing =
        api.p(
            "PUT",
            path,
            Api.version("DRAFT", Api.segmented("v", null, "aaaaaaaaaaaaaaaaaaaaaaaa")));
    assertThat(missing.status()).isEqualTo(400);
    Api.Res none = api.p("PUT", path, Api.version("DRAFT", Api.segmented("v", null)));
    assertThat(none.body().toString()).contains("EMPTY_ARRAY");
    ObjectNode noCombo = Api.segmented("v", null, aud);
    noCombo.remove("audienceCombinationType");
    assertThat(api.p("PUT", path, Api.version("DRAFT", noCombo)).body().toString())
        .contains("NOT_VALID_ENUM");
    ObjectNode viaLytics = Api.segmented("v", null);
    viaLytics.putArray("lyticsAudiences").add(lytics);
    Api.Res ok = api.p("PUT", path, Api.version("DRAFT", viaLytics));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(
            api.p("GET", "/experiences/" + exp, null)
                .body()
                .path("referredLyticsAudiences")
                .get(0)
                .asText())
        .isEqualTo(lytics);
  }

  @Test
  void abTestNeedsTwoVariantsSummingTo100AndMetricsNeedEvents() {
    String ev = api.event("signup");
    String exp = api.experience("AB", "AB_TEST");
    String path = versionsPath(exp) + "/" + api.latestVersion(exp);
    ObjectNode one =
        Api.json(
            "{'status':'DRAFT','variants':[{'__type':'ABTestVariant','name':'A','trafficDistribution':100}]}");
    assertThat(api.p("PUT", path, one).body().toString())
        .contains(EmulatorAssumptions.MIN_AB_VARIANTS);
    ObjectNode bad =
        Api.json(
            "{'status':'DRAFT','variants':[{'__type':'ABTestVariant','name':'A','trafficDistribution':50},"
                + "{'__type':'ABTestVariant','name':'B','trafficDistribution':40}]}");
    assertThat(api.p("PUT", path, bad).body().toString()).contains(EmulatorAssumptions.TRAFFIC_SUM);
    ObjectNode ok =
        Api.json(
            "{'status':'DRAFT','variants':[{'__type':'ABTestVariant','name':'A','trafficDistribution':50},"
                + "{'__type':'ABTestVariant','name':'B','trafficDistribution':'50'}],'metrics':[{'__type':'Primary','event':'"
                + ev
                + "','name':'Signup'}]}");
    Api.Res r = api.p("PUT", path, ok);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.body().path("variants").get(1).path("shortUid").asText()).isEqualTo("1");
    ok.withArray("metrics")
        .addObject()
        .put("__type", "Secondary")
        .put("event", "bbbbbbbbbbbbbbbbbbbbbbbb")
        .put("name", "x");
    assertThat(api.p("PUT", path, ok).status()).isEqualTo(400);
    ObjectNode seg = Api.version("DRAFT", Api.segmented("v", null, api.audience("a")));
    assertThat(api.p("PUT", path, seg).body().toString()).contains("NOT_VALID_ENUM");
  }

  @Test
  void stateMachine() {
    String aud = api.audience("a");
    String exp = api.experience("E", "SEGMENTED");
    String v1 = api.latestVersion(exp);
    String p1 = versionsPath(exp) + "/" + v1;
    Api.Res draft = api.p("PUT", p1, Api.version("DRAFT", Api.segmented("kids", null, aud)));
    assertThat(draft.body().path("variants").get(0).path("shortUid").asText()).isEqualTo("0");
    assertThat(api.p("POST", versionsPath(exp), Map.of()).text("/message"))
        .isEqualTo(
            "personalize.EXPERIENCES.VERSIONS.CANNOT_CREATE_VERSION_AS_DRAFT_ALREADY_EXISTS");
    assertThat(api.p("PUT", p1, Api.version("PAUSED", Api.segmented("kids", "0", aud))).status())
        .isEqualTo(400);
    assertThat(
            api.p("PUT", p1, Api.version("ACTIVE", Api.segmented("kids", "0", aud)))
                .text("/status"))
        .isEqualTo("ACTIVE");
    // locked: changing variants of an ACTIVE version
    Api.Res locked = api.p("PUT", p1, Api.version("ACTIVE", Api.segmented("adults", "0", aud)));
    assertThat(locked.status()).isEqualTo(400);
    assertThat(locked.text("/message"))
        .isEqualTo("personalize.EXPERIENCES.VERSIONS.CANNOT_UPDATE_LOCKED_VERSION");
    assertThat(
            api.p("PUT", p1, Api.version("PAUSED", Api.segmented("adults", "0", aud)))
                .text("/message"))
        .endsWith("CANNOT_UPDATE_LOCKED_VERSION");
    assertThat(
            api.p("PUT", p1, Api.version("DRAFT", Api.segmented("kids", "0", aud)))
                .text("/message"))
        .isEqualTo("personalize.EXPERIENCES.VERSIONS.CANNOT_MARK_VERSION_AS_DRAFT");
    // ACTIVE -> PAUSED with same variants is allowed, PAUSED -> DRAFT is not, PAUSED -> ACTIVE is
    assertThat(
            api.p("PUT", p1, Api.version("PAUSED", Api.segmented("kids", "0", aud)))
                .text("/status"))
        .isEqualTo("PAUSED");
    assertThat(api.p("GET", "/experiences/" + exp, null).text("/status")).isEqualTo("PAUSED");
    assertThat(
            api.p("PUT", p1, Api.version("DRAFT", Api.segmented("kids", "0", aud)))
                .text("/message"))
        .endsWith("CANNOT_MARK_VERSION_AS_DRAFT");
    assertThat(
            api.p("PUT", p1, Api.version("ACTIVE", Api.segmented("kids", "0", aud)))
                .text("/status"))
        .isEqualTo("ACTIVE");
    // a new draft, activated, archives the previous ACTIVE
    Api.Res v2 = api.p("POST", versionsPath(exp), Map.of());
    assertThat(v2.status()).isEqualTo(201);
    assertThat(api.latestVersion(exp)).isEqualTo(v2.text("/uid"));
    Api.Res act =
        api.p(
            "PUT",
            versionsPath(exp) + "/" + v2.text("/uid"),
            Api.version(
                "ACTIVE", Api.segmented("kids", "0", aud), Api.segmented("teens", null, aud)));
    assertThat(act.body().path("variants").get(1).path("shortUid").asText()).isEqualTo("1");
    JsonNode versions = api.p("GET", versionsPath(exp), null).body();
    assertThat(versions.get(0).path("status").asText()).isEqualTo("ARCHIVED");
    assertThat(versions.get(1).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(
            api.p("PUT", p1, Api.version("ACTIVE", Api.segmented("kids", "0", aud)))
                .text("/message"))
        .endsWith("CANNOT_UPDATE_LOCKED_VERSION");
    assertThat(api.p("DELETE", versionsPath(exp) + "/" + v2.text("/uid"), null).status())
        .isEqualTo(400);
  }

  @Test
  void shortUidsAreNeverReusedAndUnknownOnesRejected() {
    String aud = api.audience("a");
    String exp = api.experience("E", "SEGMENTED");
    String p = versionsPath(exp) + "/" + api.latestVersion(exp);
    api.p(
        "PUT",
        p,
        Api.version("DRAFT", Api.segmented("a", null, aud), Api.segmented("b", null, aud)));
    Api.Res dropped =
        api.p(
            "PUT",
            p,
            Api.version("DRAFT", Api.segmented("b", "1", aud), Api.segmented("c", null, aud)));
    assertThat(dropped.body().path("variants").get(0).path("shortUid").asText()).isEqualTo("1");
    assertThat(dropped.body().path("variants").get(1).path("shortUid").asText()).isEqualTo("2");
    Api.Res unknown = api.p("PUT", p, Api.version("DRAFT", Api.segmented("x", "77", aud)));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().toString()).contains(EmulatorAssumptions.UNKNOWN_SHORT_UID);
  }

  @Test
  void deleteDraftVersionButNotTheOnlyOne() {
    String exp = api.experience("E", "SEGMENTED");
    String v = api.latestVersion(exp);
    Api.Res only = api.p("DELETE", versionsPath(exp) + "/" + v, null);
    assertThat(only.status()).isEqualTo(400);
    assertThat(only.text("/message")).isEqualTo(EmulatorAssumptions.CANNOT_DELETE_ONLY_DRAFT);
    String aud = api.audience("a");
    api.p("PUT", versionsPath(exp) + "/" + v, Api.version("ACTIVE", Api.segmented("a", null, aud)));
    Api.Res draft = api.p("POST", versionsPath(exp), Map.of());
    assertThat(draft.status()).isEqualTo(201);
    assertThat(api.p("DELETE", versionsPath(exp) + "/" + draft.text("/uid"), null).status())
        .isEqualTo(204);
    assertThat(api.p("GET", versionsPath(exp), null).body().size()).isEqualTo(1);
  }

  @Test
  void priorityMustHoldEveryExperienceOnce() {
    String a = api.experience("A", "SEGMENTED");
    String b = api.experience("B", "SEGMENTED");
    assertThat(api.p("GET", "/experiences-priority", null).body().path("priorityOrder").toString())
        .isEqualTo("[\"" + a + "\",\"" + b + "\"]");
    Api.Res partial = api.p("PUT", "/experiences-priority", Map.of("priorityOrder", List.of(b)));
    assertThat(partial.status()).isEqualTo(400);
    assertThat(partial.text("/message")).contains("MISSING_EXPERIENCES");
    assertThat(
            api.p(
                    "PUT",
                    "/experiences-priority",
                    Map.of("priorityOrder", List.of(b, a, "cccccccccccccccccccccccc")))
                .status())
        .isEqualTo(400);
    assertThat(
            api.p("PUT", "/experiences-priority", Map.of("priorityOrder", List.of(b, a, a)))
                .status())
        .isEqualTo(400);
    assertThat(
            api.p("PUT", "/experiences-priority", Map.of("priorityOrder", List.of(b, a)))
                .body()
                .path("priorityOrder")
                .get(0)
                .asText())
        .isEqualTo(b);
    String c = api.experience("C", "SEGMENTED");
    api.p("DELETE", "/experiences/" + a, null);
    assertThat(api.p("GET", "/experiences-priority", null).body().path("priorityOrder").toString())
        .isEqualTo("[\"" + b + "\",\"" + c + "\"]");
  }
}
