package dev.cspctl.apply;

import dev.cspctl.plan.Op;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.Step;
import dev.cspctl.plan.StepId;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.StateReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * {@code apply DIR} without a confirmation: the writes whose plan depends only on what has been
 * read start while the entry-variant reads go on.
 *
 * <p>Once everything but the entry-variant lists is read, and the existence queries found every
 * entry the specs name ({@link StateReader#readStaged}), the plan is made from that early state.
 * Its attribute, event and audience creates and updates ({@link #startsEarly}) start at once: the
 * planner makes them from the specs and the Personalize state alone, so the whole plan, made once
 * every read is done, holds them unchanged (checked: if it did not, nothing more starts). Any error
 * of the plan (a missing reference, an ambiguous name) comes from what the early state holds, so a
 * plan that would be refused is refused before any write. The whole plan is printed when it is
 * made, and the progress of the steps already running is held until then, so the output reads as it
 * always does: plan, then steps.
 */
public final class StagedApply {
  private StagedApply() {}

  /** What a staged apply did: the whole plan (null if it could not be made) and the run. */
  public record Outcome(Plan plan, ApplyResult result) {}

  /** Called once with the whole plan, before any step of it but the early ones starts. */
  @FunctionalInterface
  public interface PlanReady {
    void ready(Plan plan);
  }

  /** Operations whose plan reads no entry content. */
  static boolean startsEarly(Op op) {
    return op instanceof Op.CreateAttribute
        || op instanceof Op.UpdateAttribute
        || op instanceof Op.CreateEvent
        || op instanceof Op.UpdateEvent
        || op instanceof Op.CreateAudience
        || op instanceof Op.UpdateAudience;
  }

  /** The steps of a plan that may start early: early operations whose dependencies are too. */
  static List<Step> earlySteps(Plan plan) {
    Set<StepId> chosen = new HashSet<>();
    List<Step> out = new ArrayList<>();
    for (Step s : plan.steps()) { // dependencies come first in a plan
      if (startsEarly(s.op()) && chosen.containsAll(s.dependsOn())) {
        chosen.add(s.id());
        out.add(s);
      }
    }
    return out;
  }

  /** Refuses a whole plan that does not hold every early step exactly as it was started. */
  static void requireUnchanged(List<Step> early, Plan whole) {
    Map<StepId, Step> byId = new HashMap<>();
    whole.steps().forEach(s -> byId.put(s.id(), s));
    for (Step s : early) {
      if (!s.equals(byId.get(s.id())))
        throw new ApplyException(
            "internal error in cspctl, please report it: step "
                + s.id()
                + " started before the entry reads ended, and the whole plan "
                + (byId.containsKey(s.id()) ? "changed it" : "does not hold it")
                + "; no further step was started");
    }
  }

  /**
   * Reads (already started as {@code staged}), plans with {@code planner}, hands the whole plan to
   * {@code onPlan} and applies it, starting the early steps as soon as the early state allows.
   */
  public static Outcome run(
      StateReader.Staged staged,
      Function<LiveState, Plan> planner,
      Applier applier,
      ProgressListener progress,
      StopSignal stop,
      PlanReady onPlan) {
    Optional<LiveState> early = join(staged.early());
    List<Step> first = List.of();
    List<Step> rankedBy = List.of();
    if (early.isPresent()) {
      try {
        Plan earlyPlan = planner.apply(early.get());
        rankedBy = earlyPlan.steps();
        first = earlySteps(earlyPlan);
      } catch (RuntimeException refused) {
        // the whole plan is refused the same way, before any write: nothing starts early
        first = List.of();
      }
    }
    if (first.isEmpty()) {
      LiveState live = join(staged.full());
      Plan plan = planner.apply(live);
      onPlan.ready(plan);
      if (plan.isEmpty()) return new Outcome(plan, null);
      return new Outcome(plan, applier.apply(plan, live, progress, stop));
    }
    List<Step> started = first;
    AtomicReference<Plan> whole = new AtomicReference<>();
    CompletableFuture<Applier.Planned> rest =
        staged
            .full()
            .thenApply(
                live -> {
                  Plan plan = planner.apply(live);
                  requireUnchanged(started, plan);
                  whole.set(plan);
                  onPlan.ready(plan);
                  return new Applier.Planned(plan, live);
                });
    ApplyResult result = applier.applyStaged(first, rankedBy, early.get(), rest, progress, stop);
    return new Outcome(whole.get(), result);
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
  }
}
