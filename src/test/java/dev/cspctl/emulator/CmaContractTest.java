package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CmaContractTest extends EmulatorTestBase {
  static final String HERO = "blt0123456789abcdef";
  static final String BLOCKS = "blt1111111111111111";

  /** An experience with n synced variants; returns [groupUid, variantUid0, ...]. */
  static List<String> syncedExperience(String name, int n) {
    String aud = api.audience(name + "-aud");
    String exp = api.experience(name, "SEGMENTED");
    ObjectNode[] vs = new ObjectNode[n];
    String[] shorts = new String[n];
    for (int i = 0; i < n; i++) {
      vs[i] = Api.segmented("v" + i, null, aud);
      shorts[i] = Integer.toString(i);
    }
    api.p(
        "PUT",
        "/experiences/" + exp + "/versions/" + api.latestVersion(exp),
        Api.version("DRAFT", vs));
    JsonNode cms = api.awaitCms(exp, shorts);
    List<String> out = new ArrayList<>();
    out.add(cms.path("variantGroup").asText());
    for (String s : shorts) {
      out.add(cms.path("variants").path(s).asText());
    }
    return out;
  }

  static void link(String group, String ct) {
    Api.Res r =
        api.c(
            "PUT",
            "/variant_groups/" + group,
            Map.of("name", "x", "content_types", List.of(Map.of("uid", ct, "status", "linked"))));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  @Test
  void linkByGroupPutRequiresNameAndContentTypes() {
    String group = syncedExperience("E", 1).get(0);
    Api.Res noName =
        api.c(
            "PUT",
            "/variant_groups/" + group,
            Map.of("content_types", List.of(Map.of("uid", "hero_banner", "status", "linked"))));
    assertThat(noName.status()).isEqualTo(EmulatorAssumptions.GROUP_UPDATE_INVALID_STATUS);
    assertThat(noName.text("/error_message")).isEqualTo("Name or content types is required");
    assertThat(api.c("PUT", "/variant_groups/" + group, Map.of("name", "E")).text("/error_message"))
        .isEqualTo("Name or content types is required");
    assertThat(
            api.c(
                    "PUT",
                    "/variant_groups/" + group,
                    Map.of(
                        "name",
                        "E",
                        "content_types",
                        List.of(Map.of("uid", "nope", "status", "linked"))))
                .status())
        .isEqualTo(422);
    link(group, "hero_banner");
    JsonNode g =
        api.c("GET", "/variant_groups?content_type=hero_banner", null)
            .body()
            .path("variant_groups");
    assertThat(g.size()).isEqualTo(1);
    assertThat(g.get(0).path("content_types").get(0).path("status").asText()).isEqualTo("linked");
    assertThat(
            api.c("GET", "/variant_groups?content_type=promo_card", null)
                .body()
                .path("variant_groups")
                .size())
        .isZero();
  }

  @Test
  void linkAndUnlinkByVariantsPut() {
    String group = syncedExperience("E", 1).get(0);
    Api.Res r =
        api.c(
            "PUT",
            "/variant_groups/" + group + "/variants",
            Map.of(
                "uid",
                group,
                "branches",
                List.of("main"),
                "content_types",
                List.of(
                    Map.of("uid", "hero_banner", "status", "linked"),
                    Map.of("uid", "promo_card", "status", "linked"))));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text("/message")).isEqualTo("Variant Group and Variants updated successfully");
    assertThat(r.body().path("content_types").size()).isEqualTo(2);
    Api.Res un =
        api.c(
            "PUT",
            "/variant_groups/" + group + "/variants",
            Map.of(
                "uid",
                group,
                "content_types",
                List.of(Map.of("uid", "promo_card", "status", "unlinked"))));
    assertThat(un.body().path("content_types").size()).isEqualTo(1);
    assertThat(un.body().path("content_types").get(0).path("uid").asText())
        .isEqualTo("hero_banner");
    assertThat(
            api.c("PUT", "/variant_groups/" + group + "/variants", Map.of("uid", group)).status())
        .isEqualTo(422);
    assertThat(
            api.c(
                    "PUT",
                    "/variant_groups/csffffffffffffffff/variants",
                    Map.of("content_types", List.of()))
                .status())
        .isEqualTo(404);
  }

  @Test
  void entriesQueryByUidReturnsOnlyThoseEntriesAndOtherQueriesAreRefused() {
    String q =
        java.net.URLEncoder.encode(
            "{\"uid\":{\"$in\":[\"" + HERO + "\",\"blt9999999999999999\"]}}",
            java.nio.charset.StandardCharsets.UTF_8);
    JsonNode found =
        api.c("GET", "/content_types/hero_banner/entries?query=" + q + "&limit=100", null).body();
    assertThat(found.path("entries").size()).isEqualTo(1);
    assertThat(found.path("entries").get(0).path("uid").asText()).isEqualTo(HERO);
    String other =
        java.net.URLEncoder.encode("{\"title\":\"x\"}", java.nio.charset.StandardCharsets.UTF_8);
    assertThat(api.c("GET", "/content_types/hero_banner/entries?query=" + other, null).status())
        .isEqualTo(422);
    assertThat(api.c("GET", "/content_types/nope/entries?query=" + q, null).status())
        .isEqualTo(422);
  }

  @Test
  void variantGroupPagination() {
    for (int i = 0; i < 3; i++) {
      syncedExperience("E" + i, 1);
    }
    JsonNode page = api.c("GET", "/variant_groups?skip=1&limit=1&include_count=true", null).body();
    assertThat(page.path("count").asInt()).isEqualTo(3);
    assertThat(page.path("variant_groups").size()).isEqualTo(1);
    assertThat(page.path("variant_groups").get(0).path("name").asText()).isEqualTo("E1");
    assertThat(page.path("variant_groups").get(0).has("variants")).isFalse();
    assertThat(api.c("GET", "/variant_groups?limit=500", null).body().path("variant_groups").size())
        .isEqualTo(3);
    assertThat(api.c("GET", "/variant_groups", null).body().has("count")).isFalse();
  }

  @Test
  void entryVariantBeforeLinkIs422AndUnknownEntryIs422() {
    List<String> g = syncedExperience("E", 1);
    String path =
        "/content_types/hero_banner/entries/" + HERO + "/variants/" + g.get(1) + "?locale=en-us";
    Api.Res r = api.c("PUT", path, Map.of("entry", Map.of("title", "red")));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.text("/error_message"))
        .isEqualTo(
            "The Variant '" + g.get(1) + "' does not belong to the Content Type 'hero_banner'.");
    link(g.get(0), "hero_banner");
    Api.Res unknown =
        api.c(
            "PUT",
            "/content_types/hero_banner/entries/blt9999999999999999/variants/" + g.get(1),
            Map.of("entry", Map.of("title", "red")));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.text("/error_message")).isEqualTo("UID is not valid");
    assertThat(
            api.c(
                    "PUT",
                    "/content_types/promo_card/entries/bltaaaaaaaaaaaaaaaa/variants/" + g.get(1),
                    Map.of("entry", Map.of("title", "red")))
                .status())
        .as("linked to hero_banner only")
        .isEqualTo(422);
  }

  @Test
  void entryVariantUpsertComputesChangeSetIncludingNestedAndModularBlocks() {
    List<String> g = syncedExperience("E", 2);
    link(g.get(0), "hero_banner");
    String path =
        "/content_types/hero_banner/entries/" + BLOCKS + "/variants/" + g.get(1) + "?locale=en-us";
    ObjectNode entry =
        Api.json(
            "{'entry':{'title':'Spring sale','headline':'Kids deals',"
                + "'cta':{'label':'Go kids','url':'/deals'},"
                + "'sections':[{'hero':{'heading':'Spring is here','subheading':'Half off','_metadata':{'uid':'cs1a2b3c4d5e6f7081'}}},"
                + "{'quote':{'text':'Best prices in town','author':'A. Kid','_metadata':{'uid':'cs9f8e7d6c5b4a3921'}}}],"
                + "'_variant':{'_change_set':['bogus'],'_uid':'ignored'}}}");
    Api.Res created = api.c("PUT", path, entry);
    assertThat(created.status())
        .as(created.toString())
        .isEqualTo(EmulatorAssumptions.ENTRY_VARIANT_CREATED);
    assertThat(created.text("/notice")).isEqualTo("Entry variant created successfully.");
    JsonNode v = created.body().path("entry").path("_variant");
    List<String> changes = new ArrayList<>();
    v.path("_change_set").forEach(c -> changes.add(c.asText()));
    assertThat(changes)
        .containsExactly(
            "headline",
            "cta.label",
            "sections.hero.cs1a2b3c4d5e6f7081.subheading",
            "sections.quote.cs9f8e7d6c5b4a3921.author");
    assertThat(v.path("_uid").asText()).isEqualTo(g.get(1));
    assertThat(v.path("_instance_uid").asText()).startsWith("blt");
    assertThat(v.path("_base_entry_version").asInt()).isEqualTo(2);
    assertThat(created.body().path("entry").path("_version").asInt()).isEqualTo(1);
    assertThat(created.body().path("entry").path("headline").asText()).isEqualTo("Kids deals");

    Api.Res updated = api.c("PUT", path, Map.of("entry", Map.of("title", "Kids only")));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.text("/notice")).isEqualTo("Entry variant updated successfully.");
    assertThat(updated.body().path("entry").path("_version").asInt()).isEqualTo(2);
    assertThat(updated.body().path("entry").path("_variant").path("_change_set").toString())
        .isEqualTo("[\"title\"]");
    assertThat(updated.body().path("entry").path("_variant").path("_instance_uid").asText())
        .isEqualTo(v.path("_instance_uid").asText());

    Api.Res one = api.c("GET", path, null);
    assertThat(one.body().path("entry").path("title").asText()).isEqualTo("Kids only");
    api.c(
        "PUT",
        "/content_types/hero_banner/entries/" + BLOCKS + "/variants/" + g.get(2),
        Map.of("entry", Map.of("headline", "b")));
    JsonNode list =
        api.c(
                "GET",
                "/content_types/hero_banner/entries/"
                    + BLOCKS
                    + "/variants?locale=en-us&include_count=true&limit=1&skip=1",
                null)
            .body();
    assertThat(list.path("count").asInt()).isEqualTo(2);
    assertThat(list.path("entries").size()).isEqualTo(1);
    assertThat(list.path("entries").get(0).path("_variant").path("_uid").asText())
        .isEqualTo(g.get(2));
    Api.Res del = api.c("DELETE", path, null);
    assertThat(del.text("/notice")).isEqualTo("Entry variant deleted successfully.");
    assertThat(api.c("GET", path, null).status()).isEqualTo(404);
  }

  @Test
  void publishingLimitsAndRecordedVersions() {
    List<String> g = syncedExperience("E", 1);
    link(g.get(0), "hero_banner");
    String vu = g.get(1);
    api.c(
        "PUT",
        "/content_types/hero_banner/entries/" + HERO + "/variants/" + vu,
        Map.of("entry", Map.of("title", "v")));
    api.c(
        "PUT",
        "/content_types/hero_banner/entries/" + HERO + "/variants/" + vu,
        Map.of("entry", Map.of("title", "v2")));
    List<Map<String, Object>> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(Map.of("uid", HERO, "content_type", "hero_banner", "locale", "en-us"));
    }
    Api.Res tooMany =
        api.c(
            "POST",
            "/bulk/publish",
            Map.of(
                "entries",
                eleven,
                "locales",
                List.of("en-us"),
                "environments",
                List.of("production")));
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.body().has("error_message")).isTrue();
    assertThat(
            api.c(
                    "POST",
                    "/bulk/publish",
                    Map.of(
                        "entries",
                        eleven.subList(0, 1),
                        "locales",
                        List.of("en-us"),
                        "environments",
                        List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")))
                .status())
        .isEqualTo(422);
    Api.Res bulk =
        api.c(
            "POST",
            "/bulk/publish",
            Map.of(
                "entries",
                List.of(
                    Map.of(
                        "uid",
                        HERO,
                        "content_type",
                        "hero_banner",
                        "version",
                        1,
                        "locale",
                        "en-us",
                        "variants",
                        List.of(Map.of("uid", vu)))),
                "locales",
                List.of("en-us"),
                "environments",
                List.of("production", "staging")));
    assertThat(bulk.status()).isEqualTo(200);
    assertThat(bulk.text("/notice")).startsWith("Your bulk publish request is in progress.");
    assertThat(bulk.text("/job_id")).isNotBlank();
    Api.Res job = api.c("GET", "/bulk/jobs/" + bulk.text("/job_id"), null);
    assertThat(job.text("/job/status")).isEqualTo("completed");
    assertThat(job.body().path("job").path("items").asInt()).isEqualTo(4);
    assertThat(emu.publishedVersion("hero_banner", HERO, "en-us", null, "staging")).hasValue(1);
    assertThat(emu.publishedVersion("hero_banner", HERO, "en-us", vu, "production")).hasValue(2);
    // publish_details, as the CLI reads them: environment uids (GET /v3/environments names them),
    // locale, version
    Api.Res envs = api.c("GET", "/environments", null);
    assertThat(envs.status()).isEqualTo(200);
    Map<String, String> envUid = new java.util.HashMap<>();
    envs.body()
        .path("environments")
        .forEach(e -> envUid.put(e.path("name").asText(), e.path("uid").asText()));
    assertThat(envUid).containsKeys("development", "staging", "production");
    Api.Res detailed =
        api.c(
            "GET",
            "/content_types/hero_banner/entries/"
                + HERO
                + "/variants/"
                + vu
                + "?locale=en-us&include_publish_details=true",
            null);
    assertThat(detailed.body().path("entry").path("publish_details"))
        .extracting(d -> d.path("environment").asText() + "@" + d.path("version").asInt())
        .containsExactlyInAnyOrder(envUid.get("production") + "@2", envUid.get("staging") + "@2");
    Api.Res plain =
        api.c(
            "GET",
            "/content_types/hero_banner/entries/" + HERO + "/variants/" + vu + "?locale=en-us",
            null);
    assertThat(plain.body().path("entry").has("publish_details")).isFalse();
    assertThat(api.c("GET", "/locales", null).body().path("locales").get(0).path("code").asText())
        .isEqualTo("en-us");

    String single = "/content_types/hero_banner/entries/" + HERO + "/publish";
    Map<String, Object> body =
        Map.of(
            "entry",
            Map.of(
                "environments",
                List.of("development"),
                "locales",
                List.of("en-us"),
                "variants",
                List.of(Map.of("uid", vu, "version", 1)),
                "variant_rules",
                Map.of("publish_latest_base", false, "publish_latest_base_conditionally", true)),
            "locale",
            "en-us");
    Api.Res unknownEnvironment =
        api.c(
            "POST",
            single,
            Map.of(
                "entry",
                Map.of(
                    "environments",
                    List.of("live"),
                    "locales",
                    List.of("en-us"),
                    "variants",
                    List.of(Map.of("uid", vu, "version", 1))),
                "locale",
                "en-us"),
            Map.of("api_version", "3.2"));
    assertThat(unknownEnvironment.status()).isEqualTo(422);
    assertThat(unknownEnvironment.text("/error_message"))
        .contains("Environment 'live' was not found");
    Api.Res noHeader = api.c("POST", single, body);
    assertThat(noHeader.status()).isEqualTo(EmulatorAssumptions.PUBLISH_API_VERSION_STATUS);
    assertThat(noHeader.body().has("error_message")).isTrue();
    Api.Res ok = api.c("POST", single, body, Map.of("api_version", "3.2"));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.text("/notice")).isEqualTo("The requested action has been performed.");
    assertThat(emu.publishedVersion("hero_banner", HERO, "en-us", vu, "development")).hasValue(1);
    assertThat(emu.publishedVersion("hero_banner", HERO, "en-us", null, "development"))
        .as("conditional base")
        .hasValue(1);
    assertThat(
            api.c(
                    "POST",
                    single,
                    Map.of(
                        "entry",
                        Map.of(
                            "environments",
                            List.of("development"),
                            "locales",
                            List.of("en-us"),
                            "variants",
                            List.of(Map.of("uid", "csnotthere0000000")))),
                    Map.of("api_version", "3.2"))
                .status())
        .isEqualTo(422);
  }

  @Test
  void oneBulkItemCarryingSeveralVariantsOfAnEntryPublishesEachOfThem() {
    // what cspctl's bulk publish queue sends when several experiences publish the same entry
    List<String> a = syncedExperience("Shared A", 2);
    List<String> b = syncedExperience("Shared B", 1);
    link(a.get(0), "hero_banner");
    link(b.get(0), "hero_banner");
    List<String> variants = List.of(a.get(1), a.get(2), b.get(1));
    for (String vu : variants) {
      api.c(
          "PUT",
          "/content_types/hero_banner/entries/" + HERO + "/variants/" + vu,
          Map.of("entry", Map.of("title", vu)));
    }
    api.c(
        "PUT",
        "/content_types/hero_banner/entries/" + HERO + "/variants/" + b.get(1),
        Map.of("entry", Map.of("title", "again")));
    Api.Res bulk =
        api.c(
            "POST",
            "/bulk/publish",
            Map.of(
                "entries",
                List.of(
                    Map.of(
                        "uid",
                        HERO,
                        "content_type",
                        "hero_banner",
                        "locale",
                        "en-us",
                        "variants",
                        variants.stream().map(v -> Map.of("uid", v)).toList())),
                "locales",
                List.of("en-us"),
                "environments",
                List.of("production")),
            Map.of("api_version", "3.2"));
    assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
    assertThat(
            api.c("GET", "/bulk/jobs/" + bulk.text("/job_id"), null)
                .body()
                .path("job")
                .path("items")
                .asInt())
        .as("the base entry and three variants")
        .isEqualTo(4);
    assertThat(emu.publishedVersion("hero_banner", HERO, "en-us", a.get(1), "production"))
        .hasValue(1);
    assertThat(emu.publishedVersion("hero_banner", HERO, "en-us", a.get(2), "production"))
        .hasValue(1);
    assertThat(emu.publishedVersion("hero_banner", HERO, "en-us", b.get(1), "production"))
        .hasValue(2);
    JsonNode listed =
        api.c(
                "GET",
                "/content_types/hero_banner/entries/"
                    + HERO
                    + "/variants?locale=en-us&include_publish_details=true",
                null)
            .body()
            .path("entries");
    assertThat(listed.size()).isEqualTo(3);
    listed.forEach(v -> assertThat(v.path("publish_details").size()).as(v.toString()).isEqualTo(1));
  }

  @Test
  void contentTypesAndEntriesAreSeeded() {
    JsonNode cts = api.c("GET", "/content_types?include_count=true", null).body();
    assertThat(cts.path("count").asInt()).isEqualTo(2);
    assertThat(
            api.c("GET", "/content_types/hero_banner/entries/" + HERO, null)
                .body()
                .path("entry")
                .path("title")
                .asText())
        .isEqualTo("Welcome");
  }

  @Test
  void baseEntriesOfAContentTypeArePaginatedAndFilteredByLocale() {
    JsonNode all =
        api.c("GET", "/content_types/hero_banner/entries?locale=en-us&include_count=true", null)
            .body();
    assertThat(all.path("count").asInt()).isEqualTo(2);
    List<String> uids = new ArrayList<>();
    all.path("entries").forEach(e -> uids.add(e.path("uid").asText()));
    assertThat(uids).containsExactly(HERO, BLOCKS);
    JsonNode page =
        api.c(
                "GET",
                "/content_types/hero_banner/entries?locale=en-us&include_count=true&skip=1&limit=1",
                null)
            .body();
    assertThat(page.path("entries").size()).isEqualTo(1);
    assertThat(page.path("entries").get(0).path("uid").asText()).isEqualTo(BLOCKS);
    assertThat(page.path("count").asInt()).isEqualTo(2);
    assertThat(
            api.c("GET", "/content_types/hero_banner/entries?locale=fr-fr&include_count=true", null)
                .body()
                .path("entries")
                .size())
        .isZero();
    assertThat(api.c("GET", "/content_types/nope/entries", null).status()).isEqualTo(422);
  }
}
