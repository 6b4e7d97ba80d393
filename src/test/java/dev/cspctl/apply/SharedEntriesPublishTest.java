package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.cma.EntryVariant;
import dev.cspctl.api.cma.Environment;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.StepType;
import dev.cspctl.spec.DesiredState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiences whose variants write the same entries, applied against the emulator with the real
 * rate limits: their publishes share bulk requests (fewer requests than experiences), and every
 * entry variant ends up published ({@code publish_details}) at the version last written.
 */
class SharedEntriesPublishTest {
  @TempDir Path work;

  @Test
  void experiencesSharingEntriesArePublishedWithFewerBulkRequestsThanExperiences() {
    BenchProject p = new BenchProject(2, 2, 4, 8, 2, 2, true);
    Path seed = p.writeEntriesSeed(work.resolve("entries.json"));
    DesiredState desired = E2E.load(p.writeSpecs(work.resolve("specs"), 0));
    try (E2E e2e =
        new E2E(
            EmulatorConfig.builder().latencyMs(20).rateLimit(true).cmsDelayMs(50).entriesFile(seed),
            TransportConfig.defaults())) {
      Plan plan = BenchmarkRunner.apply(e2e, desired, 4, 8, () -> {}, ProgressListener.NONE);
      long publishSteps =
          plan.steps().stream().filter(s -> s.type() == StepType.PUBLISH_ENTRY_VARIANTS).count();
      assertThat(publishSteps).isEqualTo(8);
      long bulk = e2e.emulator.counters().get("BULK").get("requests");
      assertThat(bulk)
          .as("bulk publish requests for 8 experiences publishing the same 2 entries")
          .isBetween(1L, 7L);

      String production =
          e2e.clients.cma().listEnvironments().stream()
              .filter(e -> e.name().equals("production"))
              .map(Environment::uid)
              .findFirst()
              .orElseThrow();
      for (int n = 0; n < p.entries(); n++) {
        List<EntryVariant> variants =
            e2e.clients.cma().listAllEntryVariants(BenchProject.CT, p.entryOf(0, n), "en-us");
        assertThat(variants).hasSize(8 * 2);
        for (EntryVariant v : variants) {
          assertThat(v.publishDetails())
              .as(v.variantUid() + " of " + v.entryUid())
              .anySatisfy(
                  d -> {
                    assertThat(d.environment()).isEqualTo(production);
                    assertThat(d.version()).isEqualTo(v.version());
                  });
        }
      }
    }
  }
}
