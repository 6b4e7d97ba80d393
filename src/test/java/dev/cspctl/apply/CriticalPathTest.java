package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.emulator.RequestLog;
import dev.cspctl.plan.Step;
import dev.cspctl.plan.StepType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriticalPathTest {
  private static Step step(String id, StepType type, String... deps) {
    return dev.cspctl.plan.TestSteps.step(id, type, id, deps);
  }

  private static RequestLog.Entry get(String path) {
    return new RequestLog.Entry("GET", path, 200, 0, null, List.of());
  }

  @Test
  void applyPathIsTheHeaviestChainAndAConfigureWeighsTheSyncDelay() {
    // a (2 requests) -> b (CONFIGURE_VERSION: its PUT and 5 polls of _cms) -> c (1, also depends on
    // a); d (3) alone
    List<Step> steps =
        List.of(
            step("a", StepType.CREATE_EXPERIENCE),
            step("b", StepType.CONFIGURE_VERSION, "a"),
            step("c", StepType.UPSERT_ENTRY_VARIANT, "b", "a"),
            step("d", StepType.CREATE_AUDIENCE));
    Map<String, Integer> requests = Map.of("a", 2, "b", 6, "c", 1, "d", 3);
    // 2 x 100 + (100 + max(100, _cms 300)) + 1 x 100: the polls do not count, the sync delay does
    assertThat(CriticalPath.applyMillis(steps, requests::get, 100, 300)).isEqualTo(700);
    // a _cms delay under one latency still costs the poll's round trip
    assertThat(CriticalPath.applyMillis(steps, requests::get, 100, 50)).isEqualTo(500);
    // a configure that did not wait weighs its one request
    assertThat(
            CriticalPath.applyMillis(steps, id -> id.equals("b") ? 1 : requests.get(id), 100, 300))
        .isEqualTo(400);
    // a heavier independent step becomes the critical path
    assertThat(
            CriticalPath.applyMillis(steps, id -> id.equals("d") ? 8 : requests.get(id), 100, 300))
        .isEqualTo(800);
    assertThat(CriticalPath.applyChain(steps, requests::get, 100, 300).describe())
        .isEqualTo("CREATE_EXPERIENCE > CONFIGURE_VERSION > UPSERT_ENTRY_VARIANT");
  }

  @Test
  void readPathChainsTheExperienceListWithOneExperiencesVersions() {
    List<RequestLog.Entry> reads =
        List.of(
            get("/attributes"),
            get("/experiences"),
            get("/experiences/e1/versions"),
            get("/experiences/e2/versions"),
            get("/v3/content_types/ct/entries/x/variants"));
    assertThat(CriticalPath.readRoundTrips(reads)).isEqualTo(2);
    List<RequestLog.Entry> paged =
        List.of(
            get("/v3/variant_groups"),
            get("/v3/variant_groups"),
            get("/v3/variant_groups"),
            get("/experiences"));
    assertThat(CriticalPath.readRoundTrips(paged)).isEqualTo(3);
    assertThat(CriticalPath.readRoundTrips(List.of())).isZero();
  }
}
