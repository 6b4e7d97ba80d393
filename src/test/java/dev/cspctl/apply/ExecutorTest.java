package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.plan.Step;
import dev.cspctl.plan.StepType;
import dev.cspctl.plan.TestSteps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutorTest {
  static Step step(String id, StepType type, String experience, String... deps) {
    return TestSteps.step(id, type, experience, deps);
  }

  private static StepResult done() {
    return new StepResult.Done("");
  }

  /**
   * The plan is ordered by step type; ready steps still run one experience's chain before the next.
   */
  @Test
  void readyStepsRunByExperienceThenPlanOrderNotByArrival() {
    List<Step> plan =
        List.of(
            step("create A", StepType.CREATE_EXPERIENCE, "A"),
            step("create B", StepType.CREATE_EXPERIENCE, "B"),
            step("upsert A1", StepType.UPSERT_ENTRY_VARIANT, "A", "create A"),
            step("upsert A2", StepType.UPSERT_ENTRY_VARIANT, "A", "create A"),
            step("upsert B1", StepType.UPSERT_ENTRY_VARIANT, "B", "create B"),
            step("upsert B2", StepType.UPSERT_ENTRY_VARIANT, "B", "create B"),
            step("publish A", StepType.PUBLISH_ENTRY_VARIANTS, "A", "upsert A1", "upsert A2"),
            step("publish B", StepType.PUBLISH_ENTRY_VARIANTS, "B", "upsert B1", "upsert B2"));
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    ApplyResult r =
        new Executor(1)
            .run(
                plan,
                (s, parents) -> {
                  ran.add(s.id().value());
                  return done();
                },
                ProgressListener.NONE);
    assertThat(r.succeeded()).isTrue();
    assertThat(ran)
        .containsExactly(
            "create A",
            "upsert A1",
            "upsert A2",
            "publish A",
            "create B",
            "upsert B1",
            "upsert B2",
            "publish B");
  }

  @Test
  void aFailedStepSkipsItsDependentsAndTheOtherExperienceGoesOn() {
    List<Step> plan =
        List.of(
            step("create A", StepType.CREATE_EXPERIENCE, "A"),
                step("create B", StepType.CREATE_EXPERIENCE, "B"),
            step("upsert A1", StepType.UPSERT_ENTRY_VARIANT, "A", "create A"),
                step("upsert B1", StepType.UPSERT_ENTRY_VARIANT, "B", "create B"));
    ApplyResult r =
        new Executor(4)
            .run(
                plan,
                (s, parents) -> {
                  if (s.id().value().equals("create A")) throw new IllegalStateException("boom");
                  return done();
                },
                ProgressListener.NONE);
    assertThat(r.outcomes())
        .extracting(o -> o.step().id() + "=" + o.status())
        .containsExactlyInAnyOrder(
            "create A=FAILED", "upsert A1=SKIPPED", "create B=DONE", "upsert B1=DONE");
  }

  @Test
  void aStopRequestedMidwayStartsNoFurtherStepAndCountsTheRestAsNotStarted() {
    List<Step> plan =
        List.of(
            step("create A", StepType.CREATE_EXPERIENCE, "A"),
                step("upsert A1", StepType.UPSERT_ENTRY_VARIANT, "A", "create A"),
            step("publish A", StepType.PUBLISH_ENTRY_VARIANTS, "A", "upsert A1"),
                step("create B", StepType.CREATE_EXPERIENCE, "B"));
    StopSignal stop = new StopSignal();
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    ApplyResult r =
        new Executor(1)
            .run(
                plan,
                (s, parents) -> {
                  ran.add(s.id().value());
                  if (s.id().value().equals("upsert A1")) stop.request("interrupted (test)");
                  return done();
                },
                ProgressListener.NONE,
                stop);
    assertThat(ran).containsExactly("create A", "upsert A1");
    assertThat(r.notStarted()).isEqualTo(2);
    assertThat(r.stoppedBecause()).isEqualTo("interrupted (test)");
    assertThat(r.succeeded()).isFalse();
    assertThat(r.interruptedSummary()).isEqualTo("interrupted: 2 done, 2 not started");
  }

  @Test
  void aStopRequestedAfterTheLastStepIsNotAnInterruption() {
    StopSignal stop = new StopSignal();
    ApplyResult r =
        new Executor(2)
            .run(
                List.of(step("create A", StepType.CREATE_EXPERIENCE, "A")),
                (s, parents) -> {
                  stop.request("late");
                  return done();
                },
                ProgressListener.NONE,
                stop);
    assertThat(r.stopped()).isFalse();
    assertThat(r.succeeded()).isTrue();
  }
}
