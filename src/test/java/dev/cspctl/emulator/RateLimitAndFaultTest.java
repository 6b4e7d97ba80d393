package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cspctl.emulator.FaultInjector.Fault;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitAndFaultTest {
  @Test
  void personalizeBurstOverTenPerSecondGets429WithRetryAfter() {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().rateLimit(true).build())) {
      Api api = new Api(emu);
      List<Api.Res> res = new ArrayList<>();
      for (int i = 0; i < 14; i++) {
        res.add(api.p("GET", "/attributes", null));
      }
      assertThat(res.subList(0, 10)).allMatch(r -> r.status() == 200);
      Api.Res throttled = res.get(13);
      assertThat(throttled.status()).isEqualTo(429);
      assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1L, 1L);
      assertThat(emu.counters().get("PERSONALIZE").get("throttled")).isGreaterThanOrEqualTo(4L);
    }
  }

  @Test
  void cmaReadsWritesAndBulkHaveSeparateBucketsAndHeaders() {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().rateLimit(true).build())) {
      Api api = new Api(emu);
      Api.Res first = api.c("GET", "/content_types", null);
      assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("10");
      assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("9");
      for (int i = 0; i < 9; i++) {
        api.c("GET", "/content_types", null);
      }
      Api.Res over = api.c("GET", "/content_types", null);
      assertThat(over.status()).isEqualTo(429);
      assertThat(over.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
      assertThat(over.headers().firstValue("Retry-After")).isPresent();
      assertThat(over.body().has("error_message")).isTrue();
      // writes are a separate bucket
      Map<String, Object> pub =
          Map.of(
              "entries",
              List.of(
                  Map.of(
                      "uid",
                      "blt0123456789abcdef",
                      "content_type",
                      "hero_banner",
                      "locale",
                      "en-us")),
              "locales",
              List.of("en-us"),
              "environments",
              List.of("production"));
      assertThat(api.c("PUT", "/variant_groups/csffffffffffffffff", Map.of()).status())
          .isEqualTo(404);
      assertThat(api.c("POST", "/bulk/publish", pub).status()).isEqualTo(200);
      assertThat(api.c("POST", "/bulk/publish", pub).status()).isEqualTo(429);
      assertThat(emu.counters().get("BULK"))
          .containsEntry("requests", 2L)
          .containsEntry("throttled", 1L);
    }
  }

  @Test
  void sameSeedGivesSameSchedule() {
    String spec = "500:0.3,429:0.3";
    assertThat(FaultInjector.schedule(spec, 7, 40)).isEqualTo(FaultInjector.schedule(spec, 7, 40));
    assertThat(FaultInjector.schedule(spec, 7, 40))
        .isNotEqualTo(FaultInjector.schedule(spec, 8, 40));
    List<Integer> expected =
        FaultInjector.schedule(spec, 7, 20).stream()
            .map(f -> f == Fault.ERROR_500 ? 500 : f == Fault.THROTTLE_429 ? 429 : 200)
            .toList();
    for (int run = 0; run < 2; run++) {
      try (Emulator emu = Emulator.start(EmulatorConfig.builder().faults(spec).seed(7).build())) {
        Api api = new Api(emu);
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          seen.add(api.p("GET", "/attributes", null).status());
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(seen).contains(500, 429, 200);
      }
    }
  }

  @Test
  void faultsDoNotApplyToAdminPaths() throws IOException {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().faults("500:1.0").build())) {
      assertThat(
              Api.raw("GET", emu.baseUrl() + "/_emulator/state", null, Map.of(), "application/json")
                  .status())
          .isEqualTo(200);
      assertThat(new Api(emu).p("GET", "/attributes", null).status()).isEqualTo(500);
    }
  }

  @Test
  void dropAfterCommitGivesIoErrorButTheWriteHappened() {
    // java.net.http surfaces the closed connection as an IOException (no response).
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().faults("drop:1.0").build())) {
      Api api = new Api(emu);
      assertThatThrownBy(() -> api.p("POST", "/events", Map.of("key", "dropped")))
          .hasRootCauseInstanceOf(IOException.class);
      assertThat(emu.stateDump()).contains("\"dropped\"");
      long deadline = System.currentTimeMillis() + 2000;
      while (emu.requestLog().isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(emu.requestLog().get(0).fault()).as("logged after the close").isEqualTo("DROP");
    }
  }

  @Test
  void resetClosesBeforeTheWork() {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().faults("reset:1.0").build())) {
      Api api = new Api(emu);
      assertThatThrownBy(() -> api.p("POST", "/events", Map.of("key", "never")))
          .hasRootCauseInstanceOf(IOException.class);
      assertThat(emu.stateDump()).doesNotContain("\"never\"");
    }
  }

  @Test
  void badSpecsAreRejectedWithTheReason() {
    assertThatThrownBy(() -> FaultInjector.parse("503:0.1"))
        .hasMessageContaining("unknown fault kind '503'");
    assertThatThrownBy(() -> FaultInjector.parse("500:0.7,429:0.7"))
        .hasMessageContaining("more than 1");
    assertThat(FaultInjector.parse("500:0.05,429:0.05,reset:0.02,drop:0.05,latency-spike:0.01"))
        .hasSize(5);
  }

  @Test
  void latencyAndLatencySpikesDelayReplies() {
    try (Emulator emu =
        Emulator.start(
            EmulatorConfig.builder()
                .latencyMs(60)
                .faults("latency-spike:1.0")
                .latencySpikeMs(120)
                .build())) {
      Api api = new Api(emu);
      long t0 = System.nanoTime();
      assertThat(api.p("GET", "/attributes", null).status()).isEqualTo(200);
      assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(175);
      assertThat(emu.requestLog().get(0).fault()).isEqualTo("LATENCY_SPIKE");
      assertThat(emu.requestLog().get(0).ms()).isGreaterThanOrEqualTo(175);
    }
  }
}
