package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void startsAndServesBothApis() {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().build())) {
      Api api = new Api(emu);
      assertThat(emu.baseUrl()).startsWith("http://127.0.0.1:");
      assertThat(api.p("GET", "/attributes", null).status()).isEqualTo(200);
      String aud = api.audience("a");
      String exp = api.experience("e", "SEGMENTED");
      Api.Res put =
          api.p(
              "PUT",
              "/experiences/" + exp + "/versions/" + api.latestVersion(exp),
              Api.version("DRAFT", Api.segmented("v", null, aud)));
      assertThat(put.status()).as(put.toString()).isEqualTo(200);
      assertThat(api.awaitCms(exp, "0").path("variantGroup").asText()).startsWith("cs");
      assertThat(
              api.c("GET", "/variant_groups?include_count=true", null).body().path("count").asInt())
          .isEqualTo(1);
    }
  }
}
