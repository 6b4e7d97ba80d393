package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cspctl.emulator.RequestLog;
import dev.cspctl.plan.Op;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanOptions;
import dev.cspctl.plan.Planner;
import dev.cspctl.plan.Step;
import dev.cspctl.plan.StepId;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.StateReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staged read and apply of {@code apply DIR --auto-approve}: which reads an empty project
 * costs, that the early steps start while the entry reads are still going on and nothing else does,
 * that the whole plan is the one applied, and that a spec naming a missing entry still makes it
 * write nothing at all.
 */
class StagedApplyTest {
  @TempDir Path dir;

  private static Plan plan(DesiredState d, LiveState live) {
    return new Planner().plan(d, live, new PlanOptions(false, Set.of()));
  }

  private static Applier applier(E2E e2e, DesiredState d) {
    return new Applier(
        e2e.clients.personalize(),
        e2e.clients.cma(),
        d.project().publish(),
        java.time.Duration.ofSeconds(20),
        8);
  }

  private static List<RequestLog.Entry> writes(E2E e2e) {
    return e2e.emulator.requestLog().stream().filter(r -> !r.method().equals("GET")).toList();
  }

  private static long gets(E2E e2e, String pathPart) {
    return e2e.emulator.requestLog().stream()
        .filter(r -> r.method().equals("GET") && r.path().contains(pathPart))
        .count();
  }

  @Test
  void newExperiencesEntriesAreCheckedForExistenceInOneQueryAndListedOnceTheyAreLive() {
    try (E2E e2e = E2E.fast("", 1)) {
      DesiredState d = E2E.load(Path.of("specs"));
      LiveState empty = e2e.read(d);
      // both experiences are new: their one entry is checked by the batched query, not listed
      assertThat(gets(e2e, "/variants")).isZero();
      assertThat(gets(e2e, "/content_types/hero_banner/entries")).isEqualTo(1);
      assertThat(empty.stack().missingEntries()).isEmpty();

      assertThat(e2e.apply(d, false).succeeded()).isTrue();
      // now the experiences are live: their entry's variants are listed
      int before = e2e.emulator.requestLog().size();
      LiveState live = e2e.read(d);
      List<RequestLog.Entry> read =
          e2e.emulator.requestLog().subList(before, e2e.emulator.requestLog().size());
      assertThat(read)
          .filteredOn(r -> r.path().endsWith("/entries/blt0123456789abcdef/variants"))
          .hasSize(1);
      assertThat(live.entryVariants()).hasSize(3);
    }
  }

  @Test
  void anEntryTheQueryDoesNotFindIsListedAndReportedMissingAndNothingIsWritten() throws Exception {
    Path specs = E2E.copyExamples(dir);
    E2E.edit(
        specs.resolve("experiences/checkout-cta.yaml"),
        "entry: blt0123456789abcdef",
        "entry: blt00000000000000ff");
    try (E2E e2e = E2E.fast("", 1)) {
      DesiredState d = E2E.load(specs);
      StateReader reader = new StateReader(e2e.clients.personalize(), e2e.clients.cma());
      StateReader.Staged staged = reader.readStaged(E2E.scope(d));
      assertThat(staged.early().join()).as("not certain: an entry was not found").isEmpty();
      assertThat(staged.full().join().stack().missingEntries())
          .extracting(k -> k.entryUid())
          .containsExactly("blt00000000000000ff");
      // the absence was confirmed the way a full read finds it
      assertThat(gets(e2e, "/entries/blt00000000000000ff/variants")).isEqualTo(1);

      StateReader.Staged again = reader.readStaged(E2E.scope(d));
      Applier applier = applier(e2e, d);
      assertThatThrownBy(
              () ->
                  StagedApply.run(
                      again,
                      live -> plan(d, live),
                      applier,
                      ProgressListener.NONE,
                      new StopSignal(),
                      p -> {}))
          .isInstanceOf(dev.cspctl.spec.SpecException.class)
          .hasMessageContaining("checkout-cta.yaml:19")
          .hasMessageContaining("blt00000000000000ff");
      assertThat(writes(e2e)).isEmpty();
    }
  }

  @Test
  void earlyStepsRunWhileTheEntryReadsAreHeldAndNothingElseStartsBeforeTheWholePlan()
      throws Exception {
    try (E2E e2e = E2E.fast("", 1)) {
      DesiredState d = E2E.load(Path.of("specs"));
      StateReader.Staged real =
          new StateReader(e2e.clients.personalize(), e2e.clients.cma()).readStaged(E2E.scope(d));
      LiveState full = real.full().join();
      Optional<LiveState> early = real.early().join();
      assertThat(early).isPresent();
      List<Step> expectedEarly = StagedApply.earlySteps(plan(d, early.get()));
      assertThat(expectedEarly)
          .extracting(s -> s.op().getClass().getSimpleName())
          .containsOnly("CreateAttribute", "CreateEvent", "CreateAudience")
          .hasSize(7);

      // the entry reads "go on" until the test has seen every early step finish
      CompletableFuture<LiveState> held = new CompletableFuture<>();
      CountDownLatch earlyDone = new CountDownLatch(expectedEarly.size());
      List<String> order = Collections.synchronizedList(new ArrayList<>());
      ProgressListener progress =
          new ProgressListener() {
            @Override
            public void finished(StepOutcome o, int done, int total) {
              order.add(o.step().id().toString());
              earlyDone.countDown();
            }
          };
      List<Plan> printed = new ArrayList<>();
      CompletableFuture<StagedApply.Outcome> run =
          CompletableFuture.supplyAsync(
              () ->
                  StagedApply.run(
                      new StateReader.Staged(CompletableFuture.completedFuture(early), held),
                      live -> plan(d, live),
                      applier(e2e, d),
                      progress,
                      new StopSignal(),
                      printed::add));
      assertThat(earlyDone.await(20, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(100); // nothing else may start while the reads are held
      assertThat(printed).isEmpty();
      assertThat(writes(e2e))
          .extracting(RequestLog.Entry::path)
          .allMatch(
              p ->
                  p.startsWith("/attributes")
                      || p.startsWith("/events")
                      || p.startsWith("/audiences"))
          .hasSize(7);
      assertThat(order)
          .containsExactlyInAnyOrderElementsOf(
              expectedEarly.stream().map(s -> s.id().toString()).toList());

      held.complete(full);
      StagedApply.Outcome outcome = run.get(60, TimeUnit.SECONDS);
      assertThat(outcome.result().succeeded()).as(outcome.result().outcomes().toString()).isTrue();
      assertThat(printed).hasSize(1).first().isSameAs(outcome.plan());
      // the plan printed is the plan applied: every step once, the early ones included
      assertThat(outcome.result().outcomes())
          .extracting(o -> o.step().id())
          .containsExactlyInAnyOrderElementsOf(
              outcome.plan().steps().stream().map(Step::id).toList());
      assertThat(e2e.plan(d, false).changes()).isEmpty();
    }
  }

  @Test
  void aFailedReadAfterTheEarlyStepsStartedStopsTheRunAndSaysWhy() throws Exception {
    try (E2E e2e = E2E.fast("", 1)) {
      DesiredState d = E2E.load(Path.of("specs"));
      Optional<LiveState> early =
          new StateReader(e2e.clients.personalize(), e2e.clients.cma())
              .readStaged(E2E.scope(d))
              .early()
              .join();
      CompletableFuture<LiveState> failing = new CompletableFuture<>();
      failing.completeExceptionally(new IllegalStateException("CMA read failed (503)"));
      StagedApply.Outcome outcome =
          StagedApply.run(
              new StateReader.Staged(CompletableFuture.completedFuture(early), failing),
              live -> plan(d, live),
              applier(e2e, d),
              ProgressListener.NONE,
              new StopSignal(),
              p -> {});
      assertThat(outcome.plan()).isNull();
      assertThat(outcome.result().stopped()).isTrue();
      assertThat(outcome.result().stoppedBecause()).contains("CMA read failed (503)");
      // only early steps ran (each done, or not started), nothing of an experience
      assertThat(outcome.result().outcomes()).allMatch(o -> StagedApply.startsEarly(o.step().op()));
      assertThat(writes(e2e)).noneMatch(r -> r.path().startsWith("/experiences"));
    }
  }

  /**
   * The early state's callback can run inside the completion of one of the reads it joins; it once
   * joined a mapped future (environment names) still waiting behind it in the same thread, and a
   * read hung about once in 20 (found by this loop).
   */
  @Test
  void aStagedReadAlwaysCompletes() throws Exception {
    try (E2E e2e = E2E.fast("", 1)) {
      DesiredState d = E2E.load(Path.of("specs"));
      StateReader reader = new StateReader(e2e.clients.personalize(), e2e.clients.cma());
      for (int i = 0; i < 150; i++) {
        StateReader.Staged staged = reader.readStaged(E2E.scope(d));
        assertThat(staged.full().get(10, TimeUnit.SECONDS).experiences()).isEmpty();
        assertThat(staged.early().get(10, TimeUnit.SECONDS)).isPresent();
      }
    }
  }

  @Test
  void aWholePlanThatChangedAnEarlyStepIsRefused() {
    Step early =
        new Step(
            new StepId("create_attribute:visits"),
            new Op.CreateAttribute("visits", "Visits", "d"),
            "create attribute visits",
            List.of());
    Step changed =
        new Step(early.id(), new Op.CreateAttribute("visits", "Visits", "other"), "x", List.of());
    Plan whole = new Plan(List.of(), List.of(changed), 0, List.of());
    assertThatThrownBy(() -> StagedApply.requireUnchanged(List.of(early), whole))
        .isInstanceOf(ApplyException.class)
        .hasMessageContaining("create_attribute:visits")
        .hasMessageContaining("no further step was started");
    StagedApply.requireUnchanged(List.of(early), new Plan(List.of(), List.of(early), 0, List.of()));
  }
}
