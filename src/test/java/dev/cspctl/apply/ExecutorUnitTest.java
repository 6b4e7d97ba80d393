package dev.cspctl.apply;

import static dev.cspctl.apply.RecordingApisAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.apply.StepResult.AttributeWritten;
import dev.cspctl.apply.StepResult.AudienceWritten;
import dev.cspctl.apply.StepResult.Done;
import dev.cspctl.plan.Op;
import dev.cspctl.plan.Step;
import dev.cspctl.plan.StepId;
import dev.cspctl.plan.StepType;
import dev.cspctl.plan.TestSteps;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Match;
import dev.cspctl.spec.PublishSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The executor's graph rules with scripted step actions, and one small plan through the real steps
 * and the fake.
 */
class ExecutorUnitTest {
  private static Step step(String id, String... deps) {
    return TestSteps.step(id, StepType.CREATE_ATTRIBUTE, id, deps);
  }

  private static Map<String, String> statuses(ApplyResult r) {
    Map<String, String> m = new ConcurrentHashMap<>();
    r.outcomes()
        .forEach(
            o ->
                m.put(
                    o.step().id().value(),
                    o.status()
                        + (o.status() == StepOutcome.Status.DONE ? "" : ": " + o.message())));
    return m;
  }

  @Test
  void inADiamondAFailedBranchSkipsTheJoinAndTheOtherBranchRuns() {
    List<Step> plan = List.of(step("a"), step("b", "a"), step("c", "a"), step("d", "b", "c"));
    List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    ApplyResult r =
        new Executor(2)
            .run(
                plan,
                (s, anc) -> {
                  ran.add(s.id().value());
                  if (s.id().value().equals("b")) throw new ApplyException("b refused");
                  return new Done("ok");
                },
                ProgressListener.NONE);
    assertThat(ran).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(statuses(r))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "a",
                "DONE",
                "b",
                "FAILED: b refused",
                "c",
                "DONE",
                "d",
                "SKIPPED: skipped: depends on b, which failed"));
    assertThat(r.succeeded()).isFalse();
  }

  @Test
  void stepsAddedLaterWaitForTheFirstOnesAndAreSkippedBehindAFailedOne() throws Exception {
    List<Step> first = List.of(step("a"), step("b"));
    java.util.concurrent.CompletableFuture<List<Step>> rest =
        new java.util.concurrent.CompletableFuture<>();
    List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch firstDone = new CountDownLatch(2);
    var run =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                new Executor(2)
                    .run(
                        first,
                        first,
                        rest,
                        (s, anc) -> {
                          ran.add(s.id().value());
                          if (s.id().value().equals("b")) throw new ApplyException("b refused");
                          return new Done("ok");
                        },
                        new ProgressListener() {
                          @Override
                          public void finished(StepOutcome o, int done, int total) {
                            firstDone.countDown();
                          }
                        },
                        new StopSignal()));
    assertThat(firstDone.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(run).isNotDone(); // the rest of the plan is still to come
    // the whole plan lists the first steps again: they do not run twice
    rest.complete(List.of(step("a"), step("b"), step("c", "a"), step("d", "b"), step("e", "d")));
    ApplyResult r = run.get(5, TimeUnit.SECONDS);
    assertThat(ran).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(statuses(r))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "a", "DONE",
                "b", "FAILED: b refused",
                "c", "DONE",
                "d", "SKIPPED: skipped: depends on b, which failed",
                "e", "SKIPPED: skipped: depends on d, which was skipped"));
  }

  @Test
  void whenTheRestOfThePlanCannotBeMadeNoFurtherStepStartsAndTheResultSaysWhy() {
    java.util.concurrent.CompletableFuture<List<Step>> rest =
        new java.util.concurrent.CompletableFuture<>();
    rest.completeExceptionally(new IllegalStateException("CMA read failed (503)"));
    ApplyResult r =
        new Executor(1)
            .run(
                List.of(step("a"), step("b", "a")),
                List.of(),
                rest,
                (s, anc) -> new Done("ok"),
                ProgressListener.NONE,
                new StopSignal());
    assertThat(r.stopped()).isTrue();
    assertThat(r.stoppedBecause()).isEqualTo("CMA read failed (503)");
    assertThat(r.succeeded()).isFalse();
  }

  @Test
  void aStepThatCrashesFailsAloneAsAnInternalErrorAndEveryOtherOutcomeIsKept() {
    List<Step> plan =
        List.of(
            step("npe"),
            step("error"),
            step("fine"),
            step("after npe", "npe"),
            step("after fine", "fine"));
    ApplyResult r =
        new Executor(2)
            .run(
                plan,
                (s, anc) ->
                    switch (s.id().value()) {
                      case "npe" -> throw new NullPointerException();
                      case "error" -> throw new AssertionError("broken invariant");
                      default -> new Done("ok");
                    },
                ProgressListener.NONE);
    assertThat(statuses(r))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "npe",
                "FAILED: internal error in cspctl, please report it",
                "error",
                "FAILED: internal error in cspctl, please report it: broken invariant",
                "fine",
                "DONE",
                "after fine",
                "DONE",
                "after npe",
                "SKIPPED: skipped: depends on npe, which failed"));
    assertThat(r.count(StepOutcome.Status.DONE)).isEqualTo(2);
  }

  @Test
  void ancestorsResultsReachAGrandchildNearestFirstAndNothingElse() {
    List<Step> plan = List.of(step("a"), step("b", "a"), step("c", "b"), step("other"));
    Map<String, Ancestors> seen = new ConcurrentHashMap<>();
    new Executor(1)
        .run(
            plan,
            (s, anc) -> {
              seen.put(s.id().value(), anc);
              return switch (s.id().value()) {
                case "a" -> new AttributeWritten("plan", "uid-a", "");
                case "b" -> new AudienceWritten("Premium", "uid-b", "");
                default -> new Done(s.id().value());
              };
            },
            ProgressListener.NONE);
    assertThat(seen.get("c").all(StepResult.class, x -> true))
        .containsExactly(
            new AudienceWritten("Premium", "uid-b", ""), new AttributeWritten("plan", "uid-a", ""));
    assertThat(seen.get("c").nearest(AttributeWritten.class, w -> w.key().equals("plan")))
        .map(AttributeWritten::uid)
        .contains("uid-a");
    assertThat(seen.get("a").all(StepResult.class, x -> true)).isEmpty();
  }

  @Test
  void withParallelismAboveOneIndependentStepsRunAtTheSameTime() {
    CountDownLatch bothStarted = new CountDownLatch(2);
    ApplyResult r =
        new Executor(2)
            .run(
                List.of(step("x"), step("y")),
                (s, anc) -> {
                  bothStarted.countDown();
                  try {
                    // Returns as soon as the other step has started too; serial execution would
                    // never get there.
                    if (!bothStarted.await(30, TimeUnit.SECONDS))
                      throw new ApplyException("the other step never started alongside");
                  } catch (InterruptedException e) {
                    throw new ApplyException("interrupted");
                  }
                  return new Done("together");
                },
                ProgressListener.NONE);
    assertThat(statuses(r)).containsExactlyInAnyOrderEntriesOf(Map.of("x", "DONE", "y", "DONE"));
  }

  @Test
  void withParallelismOneNoTwoStepsOverlap() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ApplyResult r =
        new Executor(1)
            .run(
                List.of(step("x"), step("y"), step("z"), step("w", "x")),
                (s, anc) -> {
                  most.accumulateAndGet(running.incrementAndGet(), Math::max);
                  running.decrementAndGet();
                  return new Done("");
                },
                ProgressListener.NONE);
    assertThat(r.succeeded()).isTrue();
    assertThat(most).hasValue(1);
  }

  /**
   * A new experience from nothing, through the executor, the real step logic and the fake: uids
   * flow through results.
   */
  @Test
  void aSmallPlanRunsOnTheFakeWithUidsHandedOnFromStepToStep() {
    RecordingApis apis = new RecordingApis().cmsSyncAfterPolls(2);
    ObjectNode rules = JsonNodeFactory.instance.objectNode();
    rules
        .putArray("rules")
        .addObject()
        .putObject("attribute")
        .put("__type", "CustomAttributeReference")
        .put("ref", "plan");
    Step attr = planned(new Op.CreateAttribute("plan", "Plan", ""));
    Step aud = planned(new Op.CreateAudience("Premium", "", rules), attr);
    Step exp = planned(new Op.CreateExperience("Hero", "", ExperienceType.SEGMENTED, null));
    Step cfg =
        planned(
            new Op.ConfigureVersion(
                "Hero",
                ExperienceType.SEGMENTED,
                null,
                List.of(
                    Op.VariantConfig.segmented(
                        "A", null, List.of("Premium"), List.of(), Match.ANY)),
                List.of(),
                null,
                null),
            aud,
            exp);
    Step upsert =
        planned(
            new Op.UpsertEntryVariant(
                "Hero",
                "A",
                "page",
                "e1",
                "en-us",
                JsonNodeFactory.instance.objectNode().put("title", "Hi")),
            cfg);
    Step activate = planned(new Op.ActivateVersion("Hero"), upsert);
    ApplyContext ctx =
        new ApplyContext(
            apis.personalize(),
            apis.cma(),
            new LiveUids(StepHarness.FakeLive.of(apis)),
            new PublishSettings(List.of(), List.of(), PublishSettings.PublishMethod.BULK),
            Duration.ofSeconds(5),
            Duration.ofMillis(1),
            new dev.cspctl.api.cma.BulkPublishQueue(apis.cma()));

    ApplyResult r =
        new Executor(2)
            .run(
                List.of(attr, aud, exp, cfg, upsert, activate),
                new StepRunner(ctx),
                ProgressListener.NONE);

    assertThat(r.succeeded()).as(r.outcomes().toString()).isTrue();
    RecordingApis.Exp hero = apis.experience("Hero");
    String cmsUid = hero.cms.variants().values().iterator().next();
    assertThat(apis)
        .called("createAttribute", "plan")
        .before("createAudience", "Premium")
        .before("updateVersion", hero.uid)
        .then("getExperience", hero.uid)
        .then("getExperience", hero.uid)
        .then("upsertEntryVariant", "page", "e1", cmsUid)
        .then("updateVersion", hero.uid, hero.versions.get(0).uid(), "ACTIVE");
    assertThat(apis)
        .neverCalled("listVersions")
        .neverCalled("getEntryVariant")
        .calledOnce("createExperience");
    assertThat(hero.versions.get(0).variants().get(0).audiences())
        .containsExactly(apis.audiences.keySet().iterator().next());
  }

  private static Step planned(Op op, Step... deps) {
    return new Step(
        StepId.of(op.stepType(), op.subject()),
        op,
        op.subject(),
        Arrays.stream(deps).map(Step::id).toList());
  }
}
