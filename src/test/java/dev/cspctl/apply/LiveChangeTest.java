package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.emulator.RequestLog;
import dev.cspctl.emulator.VersionHistory.Transition;
import dev.cspctl.plan.Action;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanOptions;
import dev.cspctl.plan.StepType;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveVersionStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes to a live project, over HTTP against a live-like emulator (CMS sync delay, latency, real
 * rate limits), proven from the emulator's own record of version status changes and requests: an
 * active experience keeps serving until its new version is active.
 */
class LiveChangeTest {
  @TempDir Path dir;

  private static final String HERO = "Homepage hero by segment";
  private static final String CTA = "Checkout CTA test";

  @Test
  void changingActiveExperiencesNeverPausesThemAndServesTheOldVersionUntilTheNewOneIsActive() {
    Path specs = E2E.copyExamples(dir);
    try (E2E e2e = E2E.liveLike(EmulatorConfig.builder())) {
      assertThat(e2e.apply(E2E.load(specs), false).succeeded()).isTrue();
      DesiredState before = E2E.load(specs);
      String heroUid = e2e.read(before).experienceByName(HERO).orElseThrow().uid();
      String ctaUid = e2e.read(before).experienceByName(CTA).orElseThrow().uid();
      int transitionsBefore = e2e.emulator.versionTransitions().size();
      // variants (a new one), traffic and metrics
      E2E.edit(
          specs.resolve("experiences/homepage-hero.yaml"),
          "  - name: Mobile\n",
          "  - name: Frequent\n    audiences: [Frequent visitors]\n  - name: Mobile\n");
      E2E.edit(
          specs.resolve("experiences/checkout-cta.yaml"),
          "  - name: Control\n    traffic: 50",
          "  - name: Control\n    traffic: 30");
      E2E.edit(
          specs.resolve("experiences/checkout-cta.yaml"),
          "  - name: Bold CTA\n    traffic: 50",
          "  - name: Bold CTA\n    traffic: 70");
      E2E.edit(
          specs.resolve("experiences/checkout-cta.yaml"), "  - event: checkout_completed\n", "");
      DesiredState changed = E2E.load(specs);
      Plan plan = e2e.plan(changed, false);
      assertThat(plan.steps()).extracting(s -> s.type()).doesNotContain(StepType.PAUSE_VERSION);
      assertThat(plan.warnings()).noneMatch(w -> w.contains("base entries"));

      int logBefore = e2e.emulator.requestLog().size();
      ApplyResult result = e2e.apply(changed, false);
      assertThat(result.succeeded()).as(result.outcomes().toString()).isTrue();
      List<RequestLog.Entry> requests =
          e2e.emulator.requestLog().subList(logBefore, e2e.emulator.requestLog().size());
      assertThat(e2e.plan(changed, false).changes()).isEmpty();

      List<Transition> during =
          e2e.emulator
              .versionTransitions()
              .subList(transitionsBefore, e2e.emulator.versionTransitions().size());
      assertThat(during).noneMatch(t -> "PAUSED".equals(t.to()));
      for (String uid : List.of(heroUid, ctaUid)) {
        List<Transition> mine = during.stream().filter(t -> t.experienceUid().equals(uid)).toList();
        // new draft, then one request that activates it and archives the old active version
        assertThat(mine)
            .extracting(t -> t.from() + ">" + t.to())
            .containsExactly("null>DRAFT", "ACTIVE>ARCHIVED", "DRAFT>ACTIVE");
        assertThat(mine.get(1).request()).isEqualTo(mine.get(2).request());
        assertThat(mine.get(2).versionUid())
            .isEqualTo(mine.get(0).versionUid())
            .isNotEqualTo(mine.get(1).versionUid());
      }
      // the version writes of this apply: per experience one POST (the draft), one PUT configuring
      // it, one activating it
      assertThat(requests)
          .filteredOn(
              r ->
                  r.path().matches("/experiences/[^/]+/versions(/[^/]+)?")
                      && !r.method().equals("GET")
                      && r.status() < 300)
          .extracting(RequestLog.Entry::method)
          .containsExactlyInAnyOrder("POST", "POST", "PUT", "PUT", "PUT", "PUT");
    }
  }

  @Test
  void aServiceThatRefusesADraftBesideTheActiveVersionLeavesItServingAndSaysHowToPauseInstead() {
    Path specs = E2E.copyExamples(dir);
    try (E2E e2e = E2E.fast("", 1)) {
      assertThat(e2e.apply(E2E.load(specs), false).succeeded()).isTrue();
    }
    try (E2E e2e =
        new E2E(
            EmulatorConfig.builder().refuseDraftBesideActive(true),
            dev.cspctl.api.http.TransportConfig.defaults()
                .withRates(2000, 2000, 2000, 2000, 1000))) {
      DesiredState d = E2E.load(specs);
      assertThat(e2e.apply(d, false).succeeded()).isTrue();
      E2E.edit(
          specs.resolve("experiences/checkout-cta.yaml"), "  - event: checkout_completed\n", "");
      DesiredState changed = E2E.load(specs);
      int transitions = e2e.emulator.versionTransitions().size();

      ApplyResult refused = e2e.apply(changed, false);
      assertThat(refused.succeeded()).isFalse();
      assertThat(refused.outcomes())
          .anySatisfy(
              o ->
                  assertThat(o.message())
                      .contains("refused a new draft beside the active version")
                      .contains("the active version still serves")
                      .contains("CSPCTL_DRAFT_BESIDE_ACTIVE=false"));
      assertThat(e2e.emulator.versionTransitions()).hasSize(transitions);
      assertThat(
              e2e.read(changed)
                  .experienceByName(CTA)
                  .orElseThrow()
                  .versionWithStatus(LiveVersionStatus.ACTIVE))
          .isPresent();

      Plan fallback = e2e.plan(changed, false);
      Plan withPause =
          new dev.cspctl.plan.Planner()
              .plan(changed, e2e.read(changed), new PlanOptions(false, Set.of(), false));
      assertThat(fallback.warnings()).noneMatch(w -> w.contains("base entries"));
      assertThat(withPause.warnings())
          .anySatisfy(w -> assertThat(w).contains("visitors see the base entries"));
      ApplyResult paused = e2e.apply(changed, new PlanOptions(false, Set.of(), false));
      assertThat(paused.succeeded()).as(paused.outcomes().toString()).isTrue();
      assertThat(e2e.plan(changed, false).changes()).isEmpty();
      assertThat(
              e2e.emulator
                  .versionTransitions()
                  .subList(transitions, e2e.emulator.versionTransitions().size()))
          .anyMatch(t -> "PAUSED".equals(t.to()));
    }
  }

  @Test
  void renamingAnAudienceSendsNoExperienceWrite() {
    Path specs = E2E.copyExamples(dir);
    try (E2E e2e = E2E.liveLike(EmulatorConfig.builder())) {
      assertThat(e2e.apply(E2E.load(specs), false).succeeded()).isTrue();
      E2E.edit(
          specs.resolve("audiences.yaml"),
          "name: Mobile visitors\n",
          "name: Phone visitors\nrenamedFrom: Mobile visitors\n");
      E2E.edit(
          specs.resolve("experiences/homepage-hero.yaml"),
          "audiences: [Mobile visitors]",
          "audiences: [Phone visitors]");
      DesiredState renamed = E2E.load(specs);
      Plan plan = e2e.plan(renamed, false);
      assertThat(plan.changes())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.key().toString()).isEqualTo("Audience/Phone visitors");
                assertThat(c.action()).isEqualTo(Action.RENAME);
              });
      int logBefore = e2e.emulator.requestLog().size();
      assertThat(e2e.apply(renamed, false).succeeded()).isTrue();
      List<RequestLog.Entry> writes =
          e2e.emulator.requestLog().subList(logBefore, e2e.emulator.requestLog().size()).stream()
              .filter(r -> !r.method().equals("GET"))
              .toList();
      assertThat(writes)
          .extracting(r -> r.method() + " " + r.path().replaceAll("[0-9a-f]{24}", "UID"))
          .containsExactly("PUT /audiences/UID");
      assertThat(e2e.plan(renamed, false).changes()).isEmpty();
    }
  }

  @Test
  void
      anEventUsedOnlyByAnArchivedVersionIsPrunedAndAnEventDroppedByANewVersionIsDeletedAfterItsActivation() {
    Path specs = E2E.copyExamples(dir);
    try (E2E e2e = E2E.liveLike(EmulatorConfig.builder())) {
      assertThat(e2e.apply(E2E.load(specs), false).succeeded()).isTrue();
      // 1. the new version drops checkout_completed and no spec declares it: deleted after
      // activation, same apply
      E2E.edit(
          specs.resolve("experiences/checkout-cta.yaml"), "  - event: checkout_completed\n", "");
      E2E.edit(
          specs.resolve("events.yaml"),
          "---\nkind: Event\nkey: checkout_completed\ndescription: Shopper completed checkout\n",
          "");
      DesiredState dropped = E2E.load(specs);
      Plan plan = e2e.plan(dropped, true);
      var delete =
          plan.steps().stream()
              .filter(s -> s.type() == StepType.DELETE_EVENT)
              .findFirst()
              .orElseThrow();
      var activate =
          plan.steps().stream()
              .filter(s -> s.type() == StepType.ACTIVATE_VERSION)
              .findFirst()
              .orElseThrow();
      assertThat(delete.dependsOn()).contains(activate.id());
      ApplyResult result = e2e.apply(dropped, true);
      assertThat(result.succeeded()).as(result.outcomes().toString()).isTrue();
      assertThat(e2e.read(dropped).eventByKey("checkout_completed")).isEmpty();
      LiveExperience cta = e2e.read(dropped).experienceByName(CTA).orElseThrow();
      assertThat(cta.versions()).extracting(v -> v.status()).contains(LiveVersionStatus.ARCHIVED);

      // 2. add_to_cart: dropped from the spec first (kept, it is declared), then undeclared: only
      // the archived version uses it
      E2E.edit(
          specs.resolve("experiences/checkout-cta.yaml"),
          "metrics:\n  - event: add_to_cart\n    primary: true\n",
          "");
      assertThat(e2e.apply(E2E.load(specs), false).succeeded()).isTrue();
      E2E.edit(
          specs.resolve("events.yaml"),
          "kind: Event\nkey: add_to_cart\ndescription: Shopper added an item to the cart\n",
          "kind: Attribute\nkey: unused_marker\nname: Unused marker\n");
      DesiredState undeclared = E2E.load(specs);
      Plan prune = e2e.plan(undeclared, true);
      assertThat(prune.changes())
          .anySatisfy(
              c -> {
                assertThat(c.key().toString()).isEqualTo("Event/add_to_cart");
                assertThat(c.action()).isEqualTo(Action.DELETE);
              });
      assertThat(e2e.apply(undeclared, true).succeeded()).isTrue();
      assertThat(e2e.read(undeclared).eventByKey("add_to_cart")).isEmpty();
    }
  }

  @Test
  void aFailedPublishIsDriftUntilTheNextApplyRedoesIt() {
    Path specs = E2E.copyExamples(dir);
    try (E2E e2e = E2E.liveLike(EmulatorConfig.builder())) {
      assertThat(e2e.apply(E2E.load(specs), false).succeeded()).isTrue();
      E2E.edit(
          specs.resolve("experiences/homepage-hero.yaml"),
          "title: Tap to explore",
          "title: Tap to explore more");
      DesiredState changed = E2E.load(specs);
      e2e.emulator.scriptedFaults().fail("POST", "/v3/bulk/publish", 500, 10);
      ApplyResult failed = e2e.apply(changed, false);
      assertThat(failed.succeeded()).isFalse();
      assertThat(failed.outcomes())
          .anySatisfy(o -> assertThat(o.step().type()).isEqualTo(StepType.PUBLISH_ENTRY_VARIANTS));

      Plan drift = e2e.plan(changed, false);
      assertThat(drift.changes())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.key().toString()).isEqualTo("Experience/" + HERO);
                assertThat(c.notes())
                    .anySatisfy(
                        n ->
                            assertThat(n)
                                .startsWith("publish again")
                                .contains("'Mobile' on hero_banner/")
                                .contains("not published to production"));
                assertThat(c.diffs()).isEmpty();
              });
      assertThat(drift.steps())
          .extracting(s -> s.type())
          .containsExactly(StepType.PUBLISH_ENTRY_VARIANTS);

      e2e.emulator.scriptedFaults().clear();
      ApplyResult redone = e2e.apply(changed, false);
      assertThat(redone.succeeded()).as(redone.outcomes().toString()).isTrue();
      assertThat(e2e.plan(changed, false).changes()).isEmpty();
    }
  }

  @Test
  void aReferenceToSomethingThatExistsNowhereFailsThePlanWithItsPositionAndApplySendsNoWrite() {
    Path specs = E2E.copyExamples(dir);
    try (E2E e2e = E2E.liveLike(EmulatorConfig.builder())) {
      assertThat(e2e.apply(E2E.load(specs), false).succeeded()).isTrue();
      E2E.edit(
          specs.resolve("experiences/homepage-hero.yaml"),
          "audiences: [Mobile visitors]",
          "audiences: [Tablet owners]");
      E2E.edit(
          specs.resolve("experiences/homepage-hero.yaml"),
          "title: Tap to explore",
          "title: Tap to explore more");
      E2E.edit(
          specs.resolve("experiences/checkout-cta.yaml"),
          "contentTypes: [hero_banner]",
          "contentTypes: [hero_banner, promo_cards]");
      E2E.edit(
          specs.resolve("experiences/checkout-cta.yaml"),
          "entry: blt0123456789abcdef",
          "entry: blt00000000000000ff");
      E2E.edit(
          specs.resolve("cspctl.yaml"),
          "environments: [production]",
          "environments: [production, prod]");
      E2E.edit(specs.resolve("cspctl.yaml"), "locales: [en-us]", "locales: [en-us, xx-yy]");
      DesiredState bad = E2E.load(specs);
      int logBefore = e2e.emulator.requestLog().size();
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> e2e.apply(bad, false));
      assertThat(t).isInstanceOf(dev.cspctl.spec.SpecException.class);
      List<String> lines =
          ((dev.cspctl.spec.SpecException) t)
              .errors().stream().map(dev.cspctl.spec.SpecError::format).toList();
      assertThat(lines)
          .anySatisfy(
              l ->
                  assertThat(l)
                      .matches(
                          ".*cspctl.yaml:\\d+:\\d+: publish.environments\\[1\\]: no publishing environment 'prod' exists in the stack.*"))
          .anySatisfy(
              l ->
                  assertThat(l)
                      .matches(
                          ".*cspctl.yaml:\\d+:\\d+: publish.locales\\[1\\]: no locale 'xx-yy' exists in the stack.*"))
          .anySatisfy(
              l ->
                  assertThat(l)
                      .matches(
                          ".*homepage-hero.yaml:\\d+:\\d+: variants\\[1\\].audiences\\[0\\]: no audience 'Tablet owners' exists in the specs or in the live project"))
          .anySatisfy(
              l ->
                  assertThat(l)
                      .matches(
                          ".*checkout-cta.yaml:\\d+:\\d+: contentTypes\\[1\\]: no content type 'promo_cards' exists in the stack.*"))
          .anySatisfy(
              l ->
                  assertThat(l)
                      .matches(
                          ".*checkout-cta.yaml:\\d+:\\d+: variants\\[1\\].content\\[0\\].entry: entry 'blt00000000000000ff' of content type 'hero_banner' \\(locale en-us\\) does not exist in the stack"));
      assertThat(lines).hasSize(5);
      assertThat(e2e.emulator.requestLog().subList(logBefore, e2e.emulator.requestLog().size()))
          .allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
    }
  }

  @Test
  void lyticsAudiencesAreCheckedAgainstTheOnesTheProjectLists() throws Exception {
    Path specs = E2E.copyExamples(dir.resolve("specs"));
    var seed =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(getClass().getResourceAsStream("/emulator/default-entries.json"));
    seed.putArray("lytics_audiences")
        .addObject()
        .put("uid", "0123456789abcdef0123456789abcdef")
        .put("name", "High intent");
    Path seedFile = dir.resolve("seed.json");
    java.nio.file.Files.writeString(seedFile, seed.toString());
    try (E2E e2e =
        new E2E(
            EmulatorConfig.builder().entriesFile(seedFile),
            dev.cspctl.api.http.TransportConfig.defaults()
                .withRates(2000, 2000, 2000, 2000, 1000))) {
      assertThat(e2e.plan(E2E.load(specs), false).changes()).isNotEmpty();
      E2E.edit(
          specs.resolve("experiences/homepage-hero.yaml"),
          "0123456789abcdef0123456789abcdef",
          "fedcba9876543210fedcba9876543210");
      Throwable t =
          org.assertj.core.api.Assertions.catchThrowable(() -> e2e.plan(E2E.load(specs), false));
      assertThat(t)
          .isInstanceOf(dev.cspctl.spec.SpecException.class)
          .hasMessageContaining(
              "variants[0].lyticsAudiences[0]: no Lytics audience 'fedcba9876543210fedcba9876543210' exists in the specs or in the live project");
    }
  }

  @Test
  void theApplyCommandSendsNoWriteAtAllNotEvenTheLockWhenAReferenceExistsNowhere() {
    Path specs = E2E.copyExamples(dir.resolve("specs"));
    E2E.edit(
        specs.resolve("experiences/homepage-hero.yaml"),
        "audiences: [Mobile visitors]",
        "audiences: [Tablet owners]");
    try (dev.cspctl.emulator.Emulator emu =
        dev.cspctl.emulator.Emulator.start(EmulatorConfig.builder().port(0).build())) {
      var env = new java.util.HashMap<>(ReliabilityCrashTest.clientEnv());
      LockRecoveryTest.Run r =
          LockRecoveryTest.cli(
              env, LockRecoveryTest.target(emu, "apply", "--auto-approve", specs.toString()));
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err())
          .contains("homepage-hero.yaml:")
          .contains("variants[1].audiences[0]: no audience 'Tablet owners' exists");
      assertThat(emu.requestLog())
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.method()).as(e.path()).isEqualTo("GET"));
    }
  }

  @Test
  void
      aNewVersionWhosePublishFailsLeavesTheActiveVersionServingAndTheDraftADraftThatTheNextApplyFinishes() {
    Path specs = E2E.copyExamples(dir);
    try (E2E e2e = E2E.liveLike(EmulatorConfig.builder())) {
      assertThat(e2e.apply(E2E.load(specs), false).succeeded()).isTrue();
      DesiredState before = E2E.load(specs);
      String activeBefore =
          e2e.read(before)
              .experienceByName(HERO)
              .orElseThrow()
              .versionWithStatus(LiveVersionStatus.ACTIVE)
              .orElseThrow()
              .uid();
      E2E.edit(
          specs.resolve("experiences/homepage-hero.yaml"),
          "  - name: Mobile\n",
          E2E.FREQUENT_THEN_MOBILE);
      DesiredState changed = E2E.load(specs);
      int transitions = e2e.emulator.versionTransitions().size();
      e2e.emulator.scriptedFaults().fail("POST", "/v3/bulk/publish", 500, 10);
      assertThat(e2e.apply(changed, false).succeeded()).isFalse();
      LiveExperience hero = e2e.read(changed).experienceByName(HERO).orElseThrow();
      assertThat(hero.versionWithStatus(LiveVersionStatus.ACTIVE))
          .hasValueSatisfying(v -> assertThat(v.uid()).isEqualTo(activeBefore));
      assertThat(hero.versionWithStatus(LiveVersionStatus.DRAFT)).isPresent();
      assertThat(
              e2e.emulator
                  .versionTransitions()
                  .subList(transitions, e2e.emulator.versionTransitions().size()))
          .extracting(t -> t.from() + ">" + t.to())
          .containsExactly("null>DRAFT");

      e2e.emulator.scriptedFaults().clear();
      ApplyResult rerun = e2e.apply(changed, false);
      assertThat(rerun.succeeded()).as(rerun.outcomes().toString()).isTrue();
      assertThat(rerun.outcomes()).noneMatch(o -> o.step().type() == StepType.CREATE_DRAFT_VERSION);
      assertThat(e2e.plan(changed, false).changes()).isEmpty();
      assertThat(e2e.emulator.versionTransitions()).noneMatch(t -> "PAUSED".equals(t.to()));
    }
  }
}
