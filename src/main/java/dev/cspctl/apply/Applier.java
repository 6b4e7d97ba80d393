package dev.cspctl.apply;

import dev.cspctl.api.cma.BulkPublishQueue;
import dev.cspctl.api.cma.CmaPort;
import dev.cspctl.api.personalize.PersonalizePort;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.Step;
import dev.cspctl.plan.StepId;
import dev.cspctl.spec.PublishSettings;
import dev.cspctl.state.LiveState;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a plan against the two APIs: the public entry point of the apply stage. */
public final class Applier {
  private final PersonalizePort personalize;
  private final CmaPort cma;
  private final PublishSettings publish;
  private final Duration cmsTimeout;
  private final int parallelism;

  public Applier(
      PersonalizePort personalize,
      CmaPort cma,
      PublishSettings publish,
      Duration cmsTimeout,
      int parallelism) {
    this.personalize = personalize;
    this.cma = cma;
    this.publish = publish;
    this.cmsTimeout = cmsTimeout;
    this.parallelism = parallelism;
  }

  /**
   * Runs the plan.
   *
   * @param live the live state the plan was made from (uids of what no step writes)
   */
  public ApplyResult apply(Plan plan, LiveState live, ProgressListener progress) {
    return apply(plan, live, progress, new StopSignal());
  }

  /** As above; once {@code stop} is requested no further step starts (those running finish). */
  public ApplyResult apply(Plan plan, LiveState live, ProgressListener progress, StopSignal stop) {
    return new Executor(parallelism).run(plan.steps(), runner(live), progress, stop);
  }

  /** The whole plan and the live state it was made from. */
  public record Planned(Plan plan, LiveState live) {}

  /**
   * Runs {@code first} (steps of the plan still being made, planned from {@code early}) at once,
   * and the rest of the plan once {@code rest} brings it; see {@link StagedApply}.
   */
  public ApplyResult applyStaged(
      List<Step> first,
      List<Step> rankedBy,
      LiveState early,
      CompletableFuture<Planned> rest,
      ProgressListener progress,
      StopSignal stop) {
    StepRunner firstRunner = runner(early);
    Set<StepId> firstIds = new HashSet<>();
    first.forEach(s -> firstIds.add(s.id()));
    AtomicReference<StepRunner> restRunner = new AtomicReference<>();
    StepAction action =
        (step, ancestors) ->
            (firstIds.contains(step.id()) ? firstRunner : restRunner.get()).run(step, ancestors);
    CompletableFuture<List<Step>> restSteps =
        rest.thenApply(
            p -> {
              restRunner.set(runner(p.live()));
              return p.plan().steps();
            });
    return new Executor(parallelism).run(first, rankedBy, restSteps, action, progress, stop);
  }

  private StepRunner runner(LiveState live) {
    return new StepRunner(
        new ApplyContext(
            personalize,
            cma,
            new LiveUids(live),
            publish,
            cmsTimeout,
            Duration.ofMillis(100),
            new BulkPublishQueue(cma)));
  }
}
