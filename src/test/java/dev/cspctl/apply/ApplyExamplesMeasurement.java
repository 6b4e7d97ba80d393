package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanOptions;
import dev.cspctl.plan.Planner;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.state.LiveState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures applying the example project to an empty emulator with 300 ms latency, the real rate
 * limits and a 300 ms _cms delay: requests per bucket, wall time, and the ratio to the rate-limit
 * lower bound. Prints figures; asserts only that apply converged. Run: ./mvnw -B -Pslow test
 * -Dtest=ApplyExamplesMeasurement
 */
@Tag("slow")
class ApplyExamplesMeasurement {
  @Test
  void applyExamplesWithLatencyAndRateLimits() {
    try (Emulator emu =
            Emulator.start(
                EmulatorConfig.builder()
                    .port(0)
                    .latencyMs(300)
                    .rateLimit(true)
                    .cmsDelayMs(300)
                    .build());
        ContentstackClients clients =
            ContentstackClients.create(
                dev.cspctl.cli.Target.sandboxCredentials(),
                ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
                TransportConfig.defaults())) {
      DesiredState d = E2E.load(Path.of("specs"));
      long t0 = System.nanoTime();
      var reader = new dev.cspctl.state.StateReader(clients.personalize(), clients.cma());
      LiveState live = reader.read(E2E.scope(d));
      Plan plan = new Planner().plan(d, live, new PlanOptions(false, Set.of()));
      long t1 = System.nanoTime();
      ApplyResult result =
          new Applier(
                  clients.personalize(),
                  clients.cma(),
                  d.project().publish(),
                  Duration.ofSeconds(60),
                  8)
              .apply(plan, live, ProgressListener.NONE);
      long t2 = System.nanoTime();
      assertThat(result.succeeded()).as(result.outcomes().toString()).isTrue();
      Map<String, Map<String, Long>> counters = emu.counters();
      double planSeconds = (t1 - t0) / 1e9;
      double applySeconds = (t2 - t1) / 1e9;
      // Lower bound of the apply: the busiest bucket at its rate, or the longest dependency chain
      // of
      // requests at 300 ms latency each plus the _cms delay, whichever is larger.
      double bound = 0;
      StringBuilder buckets = new StringBuilder();
      for (var e : counters.entrySet()) {
        long n = e.getValue().getOrDefault("requests", 0L);
        double rate = e.getKey().toUpperCase(java.util.Locale.ROOT).contains("BULK") ? 1.0 : 10.0;
        bound = Math.max(bound, n / rate);
        buckets
            .append(e.getKey())
            .append('=')
            .append(n)
            .append(" (429s ")
            .append(e.getValue().getOrDefault("throttled", 0L))
            .append(") ");
      }
      System.out.printf(
          "apply-examples: plan+read %.2f s, apply %.2f s, total %.2f s; requests by bucket: %s; steps %d%n",
          planSeconds, applySeconds, planSeconds + applySeconds, buckets, result.outcomes().size());
      System.out.printf(
          "apply-examples: rate-limit lower bound (max bucket requests / rate) %.2f s; ratio total/bound %.2f%n",
          bound, (planSeconds + applySeconds) / bound);
    }
  }
}
