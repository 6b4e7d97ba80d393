package dev.cspctl.apply;

import dev.cspctl.api.cma.BulkPublishQueue;
import dev.cspctl.api.cma.CmaPort;
import dev.cspctl.api.personalize.PersonalizePort;
import dev.cspctl.plan.Plan;
import dev.cspctl.spec.PublishSettings;
import dev.cspctl.state.LiveState;
import java.time.Duration;

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
    ApplyContext ctx =
        new ApplyContext(
            personalize,
            cma,
            new LiveUids(live),
            publish,
            cmsTimeout,
            Duration.ofMillis(100),
            new BulkPublishQueue(cma));
    return new Executor(parallelism).run(plan.steps(), new StepRunner(ctx), progress, stop);
  }
}
