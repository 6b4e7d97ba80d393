package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  @Test
  void sixteenThreadsTimesTwentyWritesLoseNothing() throws Exception {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().quotas(false).build())) {
      Api api = new Api(emu);
      String aud = api.audience("seed");
      String exp = api.experience("E", "SEGMENTED");
      api.p(
          "PUT",
          "/experiences/" + exp + "/versions/" + api.latestVersion(exp),
          Api.version("DRAFT", Api.segmented("a", null, aud)));
      JsonNode cms = api.awaitCms(exp, "0");
      api.c(
          "PUT",
          "/variant_groups/" + cms.path("variantGroup").asText(),
          Map.of(
              "name",
              "E",
              "content_types",
              List.of(Map.of("uid", "hero_banner", "status", "linked"))));
      String variant = cms.path("variants").path("0").asText();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<List<Integer>>> futures = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  List<Integer> statuses = new ArrayList<>();
                  for (int i = 0; i < 20; i++) {
                    if (i % 2 == 0) {
                      statuses.add(
                          api.p("POST", "/events", Map.of("key", "t" + thread + "-" + i)).status());
                    } else {
                      String path =
                          "/content_types/hero_banner/entries/blt0123456789abcdef/variants/"
                              + variant
                              + "?locale=l"
                              + thread;
                      statuses.add(
                          api.c(
                                  "PUT",
                                  path,
                                  Map.of("entry", Map.of("title", "t" + thread + "-" + i)))
                              .status());
                    }
                  }
                  return statuses;
                }));
      }
      List<Integer> all = new ArrayList<>();
      for (Future<List<Integer>> f : futures) {
        all.addAll(f.get());
      }
      pool.shutdown();
      assertThat(all).hasSize(320).allMatch(s -> s == 200 || s == 201);
      assertThat(api.p("GET", "/events", null).body().size()).isEqualTo(160);
      for (int t = 0; t < 16; t++) {
        JsonNode ev =
            api.c(
                    "GET",
                    "/content_types/hero_banner/entries/blt0123456789abcdef/variants/"
                        + variant
                        + "?locale=l"
                        + t,
                    null)
                .body()
                .path("entry");
        assertThat(ev.path("_version").asInt()).as("10 writes per locale").isEqualTo(10);
        assertThat(ev.path("title").asText()).isEqualTo("t" + t + "-19");
      }
      assertThat(emu.requestLog()).noneMatch(e -> e.status() >= 500);
    }
  }
}
