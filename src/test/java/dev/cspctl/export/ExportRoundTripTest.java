package dev.cspctl.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.apply.Applier;
import dev.cspctl.apply.ApplyResult;
import dev.cspctl.apply.ProgressListener;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.emulator.SandboxCredentials;
import dev.cspctl.plan.Action;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanOptions;
import dev.cspctl.plan.Planner;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.EntryContent;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.Kind;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.spec.Variant;
import dev.cspctl.state.EntryKey;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.ReadScope;
import dev.cspctl.state.StateReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adoption round trip over HTTP against the emulator: a project built by hand is exported, the
 * export validates, its plan holds only adoptions without field differences, and after applying
 * them the plan is empty.
 */
class ExportRoundTripTest {
  @TempDir Path tmp;

  @Test
  void handBuiltProjectExportsToSpecsWhosePlanIsAdoptionsOnlyThenNothing() throws Exception {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().port(0).cmsDelayMs(0).build());
        ContentstackClients clients =
            ContentstackClients.create(
                dev.cspctl.cli.Target.sandboxCredentials(),
                ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
                TransportConfig.defaults().withRates(2000, 2000, 2000, 2000, 1000))) {
      int built = new HandBuiltProject(clients).build();

      LiveState live =
          new EntryDiscovery(clients.personalize(), clients.cma()).read(List.of("en-us"));
      Export export =
          new Exporter()
              .export(
                  live,
                  new ExportSettings(
                      SandboxCredentials.PROJECT_UID,
                      SandboxCredentials.API_KEY,
                      null,
                      null,
                      List.of("en-us")));
      Path dir = tmp.resolve("adopted");
      new ExportFolder().write(dir, export.files(), false, f -> new SpecLoader().load(f));

      assertThat(export.counts().resources()).isEqualTo(built + 1);
      assertThat(export.counts().entryContents()).isEqualTo(3);
      assertThat(export.files().keySet())
          .containsExactly(
              "attributes.yaml",
              "audiences.yaml",
              "cspctl.yaml",
              "events.yaml",
              "experiences/campaign-landing.yaml",
              "experiences/checkout-cta-test.yaml",
              "experiences/homepage-hero-by-segment.yaml",
              "priority.yaml");
      assertThat(export.warnings())
          .singleElement()
          .asString()
          .contains(
              "'Homepage hero by segment', variant 'Premium', entry hero_banner/"
                  + HandBuiltProject.BLOCKS)
          .contains("field 'sections' exported whole");
      assertThat(export.notes())
          .anySatisfy(
              n -> assertThat(n).contains("'Campaign visitors'").contains("raw 'definition'"));
      String hero = Files.readString(dir.resolve("experiences/homepage-hero-by-segment.yaml"));
      assertThat(hero)
          .contains("lyticsAudiences:\n      - " + HandBuiltProject.LYTICS)
          .contains("status: active")
          .contains(
              "          title: Welcome back\n          cta:\n            label: Shop premium\n          sections:\n")
          .doesNotContain("url: /deals");
      assertThat(Files.readString(dir.resolve("experiences/checkout-cta-test.yaml")))
          .contains("status: paused")
          .contains("discount: 12.5")
          .contains("tags_list: [shipping, bold]");
      assertThat(Files.readString(dir.resolve("audiences.yaml")))
          .contains("attribute: plan_tier")
          .contains("negate: true")
          .contains("definition:")
          .doesNotContain("[managed by cspctl]");

      DesiredState desired = new SpecLoader().load(dir);
      Plan plan = plan(clients, desired);
      assertThat(plan.changes())
          .hasSize(built)
          .allSatisfy(
              c -> {
                assertThat(c.action()).as(c.key().toString()).isEqualTo(Action.ADOPT);
                assertThat(c.diffs()).as(c.key().toString()).isEmpty();
              });
      assertThat(plan.changes()).extracting(c -> c.key().kind()).doesNotContain(Kind.PRIORITY);
      assertThat(plan.unmanagedIgnored()).isZero();

      LiveState before = read(clients, desired);
      ApplyResult result =
          new Applier(
                  clients.personalize(),
                  clients.cma(),
                  desired.project().publish(),
                  Duration.ofSeconds(20),
                  4)
              .apply(plan, before, ProgressListener.NONE);
      assertThat(result.succeeded()).as(result.outcomes().toString()).isTrue();
      assertThat(plan(clients, desired).changes()).isEmpty();
      // Adoption touched only descriptions: the content, the versions and the priority are as
      // built.
      LiveState after = read(clients, desired);
      assertThat(after.entryVariants()).hasSameSizeAs(before.entryVariants());
      assertThat(after.priorityOrder()).isEqualTo(before.priorityOrder());
    }
  }

  static Plan plan(ContentstackClients clients, DesiredState desired) {
    return new Planner().plan(desired, read(clients, desired), new PlanOptions(false, Set.of()));
  }

  static LiveState read(ContentstackClients clients, DesiredState desired) {
    Set<EntryKey> keys = new LinkedHashSet<>();
    for (Experience e : desired.experiences()) {
      for (Variant v : e.variants())
        for (EntryContent c : v.content())
          keys.add(new EntryKey(c.contentType(), c.entry(), c.locale()));
    }
    return new StateReader(clients.personalize(), clients.cma()).read(ReadScope.of(keys));
  }
}
