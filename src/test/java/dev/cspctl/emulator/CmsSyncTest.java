package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CmsSyncTest {
  @Test
  void cmsAppearsOnlyAfterVariantsAndAfterTheDelay() throws Exception {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().cmsDelayMs(300).build())) {
      Api api = new Api(emu);
      String aud = api.audience("a");
      String exp = api.experience("Delayed", "SEGMENTED");
      Thread.sleep(350);
      assertThat(api.p("GET", "/experiences/" + exp, null).body().has("_cms"))
          .as("no variants yet")
          .isFalse();
      long t0 = System.currentTimeMillis();
      api.p(
          "PUT",
          "/experiences/" + exp + "/versions/" + api.latestVersion(exp),
          Api.version(
              "DRAFT", Api.segmented("kids", null, aud), Api.segmented("adults", null, aud)));
      assertThat(api.p("GET", "/experiences/" + exp, null).body().has("_cms"))
          .as("before the delay")
          .isFalse();
      assertThat(api.c("GET", "/variant_groups", null).body().path("variant_groups").size())
          .isZero();
      JsonNode cms = api.awaitCms(exp, "0", "1");
      assertThat(System.currentTimeMillis() - t0).isGreaterThanOrEqualTo(290);
      assertThat(cms.path("variantGroup").asText()).matches("cs[0-9a-f]{16}");
      assertThat(cms.path("variants").path("0").asText()).matches("cs[0-9a-f]{16}");
      JsonNode group =
          api.c("GET", "/variant_groups?include_variant_info=true&experience_uid=" + exp, null)
              .body()
              .path("variant_groups")
              .get(0);
      assertThat(group.path("name").asText()).isEqualTo("Delayed");
      assertThat(group.path("content_types").size()).as("not linked automatically").isZero();
      assertThat(group.path("personalize_metadata").path("experience_uid").asText()).isEqualTo(exp);
      assertThat(group.path("variant_count").asInt()).isEqualTo(2);
      JsonNode v1 = group.path("variants").get(1);
      assertThat(v1.path("alias").asText()).isEqualTo("cs_personalize_0_1");
      assertThat(v1.path("personalize_metadata").path("variant_short_uid").asText()).isEqualTo("1");
      assertThat(v1.path("uid").asText()).isEqualTo(cms.path("variants").path("1").asText());
    }
  }

  @Test
  void deletedExperienceLeavesOrphanGroupAndRecreateGetsSuffixedName() {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().build())) {
      Api api = new Api(emu);
      String aud = api.audience("a");
      String exp = api.experience("Home", "SEGMENTED");
      api.p(
          "PUT",
          "/experiences/" + exp + "/versions/" + api.latestVersion(exp),
          Api.version("ACTIVE", Api.segmented("kids", null, aud)));
      String group = api.awaitCms(exp, "0").path("variantGroup").asText();
      assertThat(api.p("DELETE", "/experiences/" + exp, null).status()).isEqualTo(204);
      JsonNode groups = api.c("GET", "/variant_groups?include_count=true", null).body();
      assertThat(groups.path("count").asInt()).isEqualTo(1);
      assertThat(groups.path("variant_groups").get(0).path("uid").asText()).isEqualTo(group);
      String again = api.experience("Home", "SEGMENTED");
      api.p(
          "PUT",
          "/experiences/" + again + "/versions/" + api.latestVersion(again),
          Api.version("DRAFT", Api.segmented("kids", null, aud)));
      String group2 = api.awaitCms(again, "0").path("variantGroup").asText();
      assertThat(group2).isNotEqualTo(group);
      JsonNode g2 =
          api.c("GET", "/variant_groups?experience_uid=" + again, null)
              .body()
              .path("variant_groups")
              .get(0);
      assertThat(g2.path("name").asText()).isEqualTo("Home (1)");
      assertThat(g2.path("personalize_metadata").path("experience_short_uid").asText())
          .isEqualTo("1");
    }
  }
}
