package dev.cspctl.apply;

import dev.cspctl.plan.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a plan's steps as their dependency graph: a step starts once every step it depends on is
 * done; independent steps run concurrently (bounded by a pool; the HTTP transport's token
 * buckets bound the request rate); dependents of a failed step are skipped with the reason,
 * independent branches go on. {@code parallelism == 1} runs serially in plan order.
 */
public final class Executor {
  private final int parallelism;

  public Executor(int parallelism) {
    this.parallelism = Math.max(1, parallelism);
  }

  public ApplyResult run(List<Step> steps, Function<Step, String> action, ProgressListener progress) {
    long started = System.nanoTime();
    Map<String, Step> byId = new HashMap<>();
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<Step>> dependents = new HashMap<>();
    for (Step s : steps) {
      byId.put(s.id(), s);
      waiting.put(s.id(), s.dependsOn().size());
      for (String d : s.dependsOn()) dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(s);
    }
    List<StepOutcome> outcomes = new ArrayList<>();
    Map<String, StepOutcome.Status> status = new HashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
      Thread t = new Thread(r, "cspctl-apply");
      t.setDaemon(true);
      return t;
    });
    ExecutorCompletionService<StepOutcome> completion = new ExecutorCompletionService<>(pool);
    AtomicInteger startedCount = new AtomicInteger();
    int total = steps.size();
    int inFlight = 0;
    List<Step> ready = new ArrayList<>();
    for (Step s : steps) if (s.dependsOn().isEmpty()) ready.add(s);
    try {
      while (!ready.isEmpty() || inFlight > 0) {
        for (Step s : ready) {
          int index = startedCount.incrementAndGet();
          completion.submit(() -> runOne(s, action, progress, index, total));
          inFlight++;
        }
        ready.clear();
        if (inFlight == 0) break;
        StepOutcome done = take(completion);
        inFlight--;
        outcomes.add(done);
        status.put(done.step().id(), done.status());
        progress.finished(done, outcomes.size(), total);
        if (done.status() == StepOutcome.Status.DONE) {
          for (Step d : dependents.getOrDefault(done.step().id(), List.of())) {
            if (waiting.merge(d.id(), -1, Integer::sum) == 0) ready.add(d);
          }
        } else {
          skipDependents(done.step(), dependents, status, outcomes, progress, total);
        }
        ready.sort((a, b) -> Integer.compare(steps.indexOf(a), steps.indexOf(b)));
      }
    } finally {
      pool.shutdownNow();
    }
    return new ApplyResult(outcomes, (System.nanoTime() - started) / 1_000_000);
  }

  private static StepOutcome take(ExecutorCompletionService<StepOutcome> completion) {
    try {
      Future<StepOutcome> f = completion.take();
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApplyException("apply interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new ApplyException("step runner crashed: " + e.getCause(), e.getCause());
    }
  }

  private static StepOutcome runOne(Step s, Function<Step, String> action, ProgressListener progress, int index, int total) {
    progress.started(s, index, total);
    long t0 = System.nanoTime();
    try {
      String message = action.apply(s);
      return new StepOutcome(s, StepOutcome.Status.DONE, message == null ? "" : message, (System.nanoTime() - t0) / 1_000_000);
    } catch (RuntimeException e) {
      String message = e.getMessage();
      if (message == null || e instanceof NullPointerException || e instanceof IllegalStateException) {
        // A bug, not an API answer: say where, so the report is actionable.
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        message = "internal error " + e.getClass().getSimpleName() + (message == null ? "" : ": " + message)
            + (at == null ? "" : " at " + at.getClassName() + "." + at.getMethodName() + ":" + at.getLineNumber());
      }
      return new StepOutcome(s, StepOutcome.Status.FAILED, message, (System.nanoTime() - t0) / 1_000_000);
    }
  }

  private static void skipDependents(Step failed, Map<String, List<Step>> dependents, Map<String, StepOutcome.Status> status,
      List<StepOutcome> outcomes, ProgressListener progress, int total) {
    for (Step d : dependents.getOrDefault(failed.id(), List.of())) {
      if (status.containsKey(d.id())) continue;
      StepOutcome skipped = new StepOutcome(d, StepOutcome.Status.SKIPPED, "skipped: depends on " + failed.id()
          + (status.get(failed.id()) == StepOutcome.Status.FAILED ? ", which failed" : ", which was skipped"), 0);
      status.put(d.id(), StepOutcome.Status.SKIPPED);
      outcomes.add(skipped);
      progress.finished(skipped, outcomes.size(), total);
      skipDependents(d, dependents, status, outcomes, progress, total);
    }
  }
}
