package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.emulator.VersionHistory.Transition;
import dev.cspctl.plan.PlanOptions;
import dev.cspctl.spec.DesiredState;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures for changing an active experience (a variant added to the example's segmented
 * experience), at 300 ms latency with the real limits and a 300 ms CMS sync: requests, wall time
 * and how long visitors saw only base entries (from a PAUSED transition to the next ACTIVE one),
 * with the draft beside the active version and with the old pause-first way. A measurement, not a
 * timed test: {@code ./mvnw -B -Pbench test -Dtest=LiveChangeMeasurement}.
 */
@Tag("bench")
class LiveChangeMeasurement {
  @TempDir Path dir;

  @Test
  void changeAnActiveExperienceBothWays() {
    for (boolean beside : List.of(true, false)) {
      Path specs = E2E.copyExamples(dir.resolve(beside ? "beside" : "pause"));
      try (E2E e2e =
          new E2E(
              EmulatorConfig.builder().latencyMs(300).cmsDelayMs(300).rateLimit(true),
              TransportConfig.defaults())) {
        assertThat(e2e.apply(E2E.load(specs), false).succeeded()).isTrue();
        E2E.edit(
            specs.resolve("experiences/homepage-hero.yaml"),
            "  - name: Mobile\n",
            E2E.FREQUENT_THEN_MOBILE);
        DesiredState changed = E2E.load(specs);
        int log = e2e.emulator.requestLog().size();
        int transitions = e2e.emulator.versionTransitions().size();
        long t0 = System.nanoTime();
        ApplyResult r = e2e.apply(changed, new PlanOptions(false, Set.of(), beside));
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.succeeded()).as(r.outcomes().toString()).isTrue();
        int requests = e2e.emulator.requestLog().size() - log;
        List<Transition> ts =
            e2e.emulator
                .versionTransitions()
                .subList(transitions, e2e.emulator.versionTransitions().size());
        long baseOnlyMs = 0;
        Long pausedAt = null;
        for (Transition t : ts) {
          if ("PAUSED".equals(t.to())) pausedAt = t.atMillis();
          if ("ACTIVE".equals(t.to()) && pausedAt != null) {
            baseOnlyMs += t.atMillis() - pausedAt;
            pausedAt = null;
          }
        }
        System.out.printf(
            "LIVE-CHANGE %s: %d requests (read + plan + apply), %d ms wall, visitors saw base entries for %d ms%n",
            beside ? "draft beside the active version" : "pause first (before)",
            requests,
            wallMs,
            baseOnlyMs);
      }
    }
  }
}
