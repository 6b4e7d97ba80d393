package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 8-step flow of brief.md, then changing the ACTIVE experience. */
class FlowTest extends EmulatorTestBase {
  static final String HERO = "blt0123456789abcdef";

  @Test
  void briefFlowThenChangeActiveExperience() {
    // 1. audiences
    String kids = api.audience("kids");
    String adults = api.audience("adults");
    // 2. experience
    String exp = api.experience("Homepage by audience", "SEGMENTED");
    String other = api.experience("Other", "AB_TEST");
    // 3. configure version
    String v1 = api.latestVersion(exp);
    Api.Res put =
        api.p(
            "PUT",
            "/experiences/" + exp + "/versions/" + v1,
            Api.version(
                "DRAFT", Api.segmented("kids", null, kids), Api.segmented("adults", null, adults)));
    assertThat(put.status()).isEqualTo(200);
    // wait for _cms
    JsonNode cms = api.awaitCms(exp, "0", "1");
    String group = cms.path("variantGroup").asText();
    String kidsVariant = cms.path("variants").path("0").asText();
    String adultsVariant = cms.path("variants").path("1").asText();
    // 4. link
    assertThat(
            api.c(
                    "PUT",
                    "/variant_groups/" + group,
                    Map.of(
                        "name",
                        "Homepage by audience",
                        "content_types",
                        List.of(Map.of("uid", "hero_banner", "status", "linked"))))
                .status())
        .isEqualTo(200);
    // 5. entry variants
    String base = "/content_types/hero_banner/entries/" + HERO + "/variants/";
    assertThat(
            api.c(
                    "PUT",
                    base + kidsVariant + "?locale=en-us",
                    Map.of("entry", Map.of("title", "Hi kids")))
                .status())
        .isEqualTo(201);
    assertThat(
            api.c(
                    "PUT",
                    base + adultsVariant + "?locale=en-us",
                    Map.of("entry", Map.of("title", "Hello")))
                .status())
        .isEqualTo(201);
    // 6. publish
    Api.Res pub =
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
                        List.of(Map.of("uid", kidsVariant), Map.of("uid", adultsVariant)))),
                "locales",
                List.of("en-us"),
                "environments",
                List.of("production")));
    assertThat(pub.status()).isEqualTo(200);
    assertThat(emu.publishedVersion("hero_banner", HERO, "en-us", kidsVariant, "production"))
        .hasValue(1);
    // 7. activate
    Api.Res act =
        api.p(
            "PUT",
            "/experiences/" + exp + "/versions/" + v1,
            Api.version(
                "ACTIVE", Api.segmented("kids", "0", kids), Api.segmented("adults", "1", adults)));
    assertThat(act.text("/status")).isEqualTo("ACTIVE");
    assertThat(api.p("GET", "/experiences/" + exp, null).text("/status")).isEqualTo("ACTIVE");
    // 8. priority
    Api.Res prio =
        api.p("PUT", "/experiences-priority", Map.of("priorityOrder", List.of(exp, other)));
    assertThat(prio.status()).isEqualTo(200);

    // Change the ACTIVE experience: pause, new draft with kept shortUids + a new variant, activate.
    assertThat(
            api.p(
                    "PUT",
                    "/experiences/" + exp + "/versions/" + v1,
                    Api.version(
                        "PAUSED",
                        Api.segmented("kids", "0", kids),
                        Api.segmented("adults", "1", adults)))
                .text("/status"))
        .isEqualTo("PAUSED");
    String v2 = api.p("POST", "/experiences/" + exp + "/versions", Map.of()).text("/uid");
    Api.Res draft =
        api.p(
            "PUT",
            "/experiences/" + exp + "/versions/" + v2,
            Api.version(
                "DRAFT",
                Api.segmented("kids", "0", kids),
                Api.segmented("adults", "1", adults),
                Api.segmented("everyone", null, kids, adults)));
    assertThat(draft.body().path("variants").get(2).path("shortUid").asText()).isEqualTo("2");
    assertThat(
            api.p(
                    "PUT",
                    "/experiences/" + exp + "/versions/" + v2,
                    Api.version(
                        "ACTIVE",
                        Api.segmented("kids", "0", kids),
                        Api.segmented("adults", "1", adults),
                        Api.segmented("everyone", "2", kids, adults)))
                .text("/status"))
        .isEqualTo("ACTIVE");
    JsonNode cms2 = api.awaitCms(exp, "0", "1", "2");
    assertThat(cms2.path("variantGroup").asText()).isEqualTo(group);
    assertThat(cms2.path("variants").path("0").asText()).isEqualTo(kidsVariant);
    assertThat(cms2.path("variants").path("1").asText()).isEqualTo(adultsVariant);
    assertThat(cms2.path("variants").path("2").asText())
        .isNotIn(kidsVariant, adultsVariant)
        .startsWith("cs");
    JsonNode versions = api.p("GET", "/experiences/" + exp + "/versions", null).body();
    assertThat(versions.get(0).path("status").asText()).isEqualTo("ARCHIVED");
    assertThat(api.p("GET", "/experiences/" + exp, null).text("/latestVersion")).isEqualTo(v2);
    // entry variants of kept variants survive; the new variant can be written (group still linked)
    assertThat(api.c("GET", base + kidsVariant, null).body().path("entry").path("title").asText())
        .isEqualTo("Hi kids");
    assertThat(
            api.c(
                    "PUT",
                    base + cms2.path("variants").path("2").asText(),
                    Map.of("entry", Map.of("title", "All")))
                .status())
        .isEqualTo(201);
    assertThat(
            api.p("GET", "/experiences-priority", null)
                .body()
                .path("priorityOrder")
                .get(0)
                .asText())
        .isEqualTo(exp);
  }
}
