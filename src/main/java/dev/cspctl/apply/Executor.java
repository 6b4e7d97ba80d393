package dev.cspctl.apply;

import dev.cspctl.api.http.RequestPriority;
import dev.cspctl.plan.Step;
import dev.cspctl.plan.StepId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a plan's steps as their dependency graph: a step starts once every step it depends on is
 * done, and is given the results of its ancestors; independent steps run concurrently (bounded by a
 * pool; the HTTP transport's rate windows bound the request rate); dependents of a failed step are
 * skipped with the reason, independent branches go on. A step that crashes (a bug, not an API
 * answer) fails like any other: every other outcome stays in the result. {@code parallelism == 1}
 * runs serially, one resource after another.
 */
public final class Executor {
  private final int parallelism;
  private final int writeSlots;

  public Executor(int parallelism) {
    this.parallelism = Math.max(1, parallelism);
    this.writeSlots = Math.max(1, this.parallelism - 2);
  }

  public ApplyResult run(List<Step> steps, StepAction action, ProgressListener progress) {
    return run(steps, action, progress, new StopSignal());
  }

  /**
   * As {@link #run(List, StepAction, ProgressListener)}; once {@code stop} is requested no further
   * step starts.
   */
  public ApplyResult run(
      List<Step> steps, StepAction action, ProgressListener progress, StopSignal stop) {
    return new Run(
            steps, steps, CompletableFuture.completedFuture(List.of()), action, progress, stop)
        .run();
  }

  /**
   * Runs {@code first} at once and, when {@code rest} completes, the steps it adds (steps it lists
   * again, by id, are not run twice). A step of {@code rest} may depend on steps of {@code first}:
   * it starts once they are done, and is skipped if one failed. If {@code rest} fails, no further
   * step starts; the result is stopped with its message, once the steps already started finish.
   * Until then the steps rank as in {@code rankedBy} (a plan holding {@code first}).
   */
  public ApplyResult run(
      List<Step> first,
      List<Step> rankedBy,
      CompletableFuture<List<Step>> rest,
      StepAction action,
      ProgressListener progress,
      StopSignal stop) {
    return new Run(first, rankedBy, rest, action, progress, stop).run();
  }

  /**
   * One run's bookkeeping; guarded by its own monitor, updated by the worker that finished a step.
   */
  private final class Run {
    private final List<Step> steps = new ArrayList<>();
    private final CompletableFuture<List<Step>> rest;
    private final StepAction action;
    private final ProgressListener progress;
    private final StopSignal stop;
    private final Map<StepId, Step> byId = new HashMap<>();
    private final Map<StepId, Long> rank = new HashMap<>();
    private final Map<StepId, Integer> waiting = new HashMap<>();
    private final Map<StepId, List<Step>> dependents = new HashMap<>();
    private final List<StepOutcome> outcomes = new ArrayList<>();
    private final Map<StepId, StepOutcome.Status> status = new HashMap<>();
    private final Map<StepId, StepResult> results = new HashMap<>();
    private final AtomicInteger startedCount = new AtomicInteger();
    private ThreadPoolExecutor pool;
    private int inFlight;
    private boolean restPending = true;
    private String restFailure;
    private boolean closed;
    private int writesRunning;
    private final java.util.PriorityQueue<Step> heldWrites =
        new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(this::rankOf));

    Run(
        List<Step> first,
        List<Step> rankedBy,
        CompletableFuture<List<Step>> rest,
        StepAction action,
        ProgressListener progress,
        StopSignal stop) {
      this.rest = rest;
      this.action = action;
      this.progress = progress;
      this.stop = stop;
      register(first);
      rerank(rankedBy);
    }

    /** Adds steps not known yet; counts, for each, its dependencies not done yet. */
    private List<Step> register(List<Step> added) {
      List<Step> fresh = new ArrayList<>();
      for (Step s : added) {
        if (byId.containsKey(s.id())) continue;
        steps.add(s);
        fresh.add(s);
        byId.put(s.id(), s);
      }
      for (Step s : fresh) {
        int open = 0;
        for (StepId d : s.dependsOn()) {
          dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(s);
          if (status.get(d) != StepOutcome.Status.DONE) open++;
        }
        waiting.put(s.id(), open);
      }
      return fresh;
    }

    /**
     * Ranks every step of {@code universe} (the whole plan, or the plan the first steps were taken
     * from while the rest is being made), so early steps rank with the experiences that need them.
     */
    private void rerank(List<Step> universe) {
      Map<String, Integer> groupFirst = new HashMap<>();
      Map<StepId, Integer> ownGroup = new HashMap<>();
      Map<StepId, Integer> position = new HashMap<>();
      Map<StepId, List<Step>> needing = new HashMap<>();
      for (int i = 0; i < universe.size(); i++) {
        Step s = universe.get(i);
        position.put(s.id(), i);
        ownGroup.put(s.id(), groupFirst.computeIfAbsent(group(s), g -> groupFirst.size()));
        for (StepId d : s.dependsOn()) needing.computeIfAbsent(d, k -> new ArrayList<>()).add(s);
      }
      Map<StepId, Integer> group = new HashMap<>();
      for (Step s : universe)
        rank.put(
            s.id(),
            ((long) effectiveGroup(s, ownGroup, needing, group) << 32) | position.get(s.id()));
    }

    /**
     * A step ranks with the earliest resource that needs it: an audience with the first experience
     * whose version names it, an attribute with that audience's. The first experience's chain can
     * then start after its own audiences, not after every audience of the plan.
     */
    private static int effectiveGroup(
        Step s,
        Map<StepId, Integer> ownGroup,
        Map<StepId, List<Step>> dependents,
        Map<StepId, Integer> memo) {
      Integer known = memo.get(s.id());
      if (known != null) return known;
      memo.put(s.id(), ownGroup.get(s.id())); // a cycle (never planned) cannot recurse forever
      List<Step> needing = dependents.getOrDefault(s.id(), List.of());
      // the plan lists attributes before audiences before experiences: a step others need takes
      // the rank of the first of them, not the (earlier) one of its own kind
      int g = needing.isEmpty() ? ownGroup.get(s.id()) : Integer.MAX_VALUE;
      for (Step d : needing) g = Math.min(g, effectiveGroup(d, ownGroup, dependents, memo));
      memo.put(s.id(), g);
      return g;
    }

    ApplyResult run() {
      long started = System.nanoTime();
      // Ready steps wait by resource (an experience with all its steps), then plan order, not in
      // arrival order: a step that just became ready (the publish of an experience whose entry
      // variants are written) goes before later experiences' steps, so each experience's chain
      // finishes early and the 1/s bulk publishes spread over the run instead of queueing at its
      // end (the plan itself is ordered by step type: all creates, then all versions, ...). The
      // worker that finishes a step queues its dependents before it takes its next task, so the
      // choice is made among all ready steps.
      AtomicInteger threads = new AtomicInteger();
      pool =
          new ThreadPoolExecutor(
              parallelism,
              parallelism,
              0,
              TimeUnit.MILLISECONDS,
              new PriorityBlockingQueue<>(),
              r -> {
                Thread t = new Thread(r, "cspctl-apply-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      pool.prestartAllCoreThreads();
      try {
        synchronized (this) {
          List<Step> ready = new ArrayList<>();
          for (Step s : steps) if (s.dependsOn().isEmpty()) ready.add(s);
          submitAll(ready);
        }
        var unused = rest.whenComplete(this::added);
        synchronized (this) {
          // a stop does not wait for the rest of the plan; the timed wait notices it
          while (inFlight > 0 || (restPending && !stop.requested())) wait(100);
          closed = true;
          long millis = (System.nanoTime() - started) / 1_000_000;
          int notStarted = steps.size() - outcomes.size();
          String why = restFailure != null ? restFailure : stop.reason();
          return new ApplyResult(
              new ArrayList<>(outcomes),
              millis,
              notStarted,
              notStarted > 0 || restFailure != null ? why : null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApplyException("apply interrupted");
      } finally {
        pool.shutdownNow();
      }
    }

    /** The rest of the plan arrived (or could not be made). */
    private synchronized void added(List<Step> more, Throwable failure) {
      if (closed) return; // the run ended on a stop before the rest came
      restPending = false;
      if (failure != null) {
        Throwable t =
            failure instanceof java.util.concurrent.CompletionException
                    && failure.getCause() != null
                ? failure.getCause()
                : failure;
        restFailure = t.getMessage() == null ? t.toString() : t.getMessage();
        stop.request(restFailure);
        notifyAll();
        return;
      }
      List<Step> fresh = register(more);
      rerank(more);
      List<Step> ready = new ArrayList<>();
      for (Step s : fresh) {
        if (status.containsKey(s.id())) continue; // skipped while registering its siblings
        StepId broken =
            s.dependsOn().stream()
                .filter(d -> status.containsKey(d) && status.get(d) != StepOutcome.Status.DONE)
                .findFirst()
                .orElse(null);
        if (broken != null) {
          skip(s, broken, status, outcomes, progress, steps.size());
          skipDependents(s, dependents, status, outcomes, progress, steps.size());
        } else if (waiting.get(s.id()) == 0) {
          ready.add(s);
        }
      }
      if (!stop.requested()) submitAll(ready);
      notifyAll();
    }

    /** A step the ranking plan did not hold goes last. Caller holds the monitor. */
    private long rankOf(Step s) {
      return rank.getOrDefault(s.id(), Long.MAX_VALUE);
    }

    /** Caller holds the monitor. */
    private void submitAll(List<Step> ready) {
      ready.sort((a, b) -> Long.compare(rankOf(a), rankOf(b)));
      for (Step s : ready) {
        inFlight++;
        if (contentWrite(s)) {
          if (writesRunning >= writeSlots) {
            heldWrites.add(s);
            continue;
          }
          writesRunning++;
        }
        pool.execute(new Ranked(rankOf(s), () -> execute(s)));
      }
    }

    /**
     * A content write finished: the best-ranked held one takes its slot. Caller holds the monitor.
     */
    private void wroteOne(Step s) {
      if (!contentWrite(s)) return;
      writesRunning--;
      while (writesRunning < writeSlots && !heldWrites.isEmpty()) {
        Step next = heldWrites.poll();
        writesRunning++;
        pool.execute(new Ranked(rankOf(next), () -> execute(next)));
      }
    }

    private void execute(Step s) {
      if (stop.requested()) {
        // queued before the stop: it never starts, and neither do its dependents
        synchronized (this) {
          inFlight--;
          wroteOne(s);
          notifyAll();
        }
        return;
      }
      Ancestors ancestors;
      long priority;
      int total;
      synchronized (this) {
        ancestors = ancestors(s);
        priority = rankOf(s);
        total = steps.size();
      }
      // the step's requests wait for rate-limit permits in rank order too
      StepOutcome done =
          RequestPriority.with(
              priority,
              () -> runOne(s, ancestors, action, progress, startedCount.incrementAndGet(), total));
      synchronized (this) {
        inFlight--;
        wroteOne(s);
        outcomes.add(done);
        status.put(s.id(), done.status());
        if (done.result() != null) results.put(s.id(), done.result());
        progress.finished(done, outcomes.size(), steps.size());
        if (done.status() == StepOutcome.Status.DONE) {
          List<Step> ready = new ArrayList<>();
          for (Step d : dependents.getOrDefault(s.id(), List.of())) {
            if (waiting.merge(d.id(), -1, Integer::sum) == 0) ready.add(d);
          }
          if (!stop.requested()) submitAll(ready);
        } else {
          skipDependents(s, dependents, status, outcomes, progress, steps.size());
        }
        notifyAll();
      }
    }

    /**
     * The results of every step {@code s} depends on, directly or not, nearest first. Caller holds
     * the monitor.
     */
    private Ancestors ancestors(Step s) {
      List<StepResult> found = new ArrayList<>();
      Set<StepId> seen = new HashSet<>();
      Deque<StepId> queue = new ArrayDeque<>(s.dependsOn());
      while (!queue.isEmpty()) {
        StepId id = queue.poll();
        if (!seen.add(id)) continue;
        StepResult r = results.get(id);
        if (r != null) found.add(r);
        Step parent = byId.get(id);
        if (parent != null) queue.addAll(parent.dependsOn());
      }
      return new Ancestors(found);
    }
  }

  /**
   * Entry-variant writes, the bulk of an apply's requests, all behind the CMA write limit: they may
   * hold all workers but two, which stay free for the next experiences' chains (create, configure,
   * CMS sync, link). When every worker waited on a write permit, the next experience's configure
   * waited for a worker and the writes ran dry between experiences (the benchmark's step timeline
   * showed 300 to 600 ms gaps).
   */
  private static boolean contentWrite(Step s) {
    return s.op() instanceof dev.cspctl.plan.Op.UpsertEntryVariant
        || s.op() instanceof dev.cspctl.plan.Op.DeleteEntryVariant;
  }

  /** The resource a step belongs to: its experience for the experience's content steps. */
  private static String group(Step s) {
    return s.op().subject();
  }

  /** A pool task ordered by its rank (resource first, then position in the plan). */
  private record Ranked(long rank, Runnable task) implements Runnable, Comparable<Ranked> {
    @Override
    public void run() {
      task.run();
    }

    @Override
    public int compareTo(Ranked o) {
      return Long.compare(rank, o.rank);
    }
  }

  private static StepOutcome runOne(
      Step s,
      Ancestors ancestors,
      StepAction action,
      ProgressListener progress,
      int index,
      int total) {
    progress.started(s, index, total);
    long t0 = System.nanoTime();
    try {
      StepResult result = action.run(s, ancestors);
      String message = result == null || result.message() == null ? "" : result.message();
      return new StepOutcome(
          s, StepOutcome.Status.DONE, message, (System.nanoTime() - t0) / 1_000_000, result);
    } catch (RuntimeException | Error e) {
      String message = e.getMessage();
      if (message == null
          || e instanceof Error
          || e instanceof NullPointerException
          || e instanceof IllegalStateException
          || e instanceof ClassCastException) {
        // A bug, not an API answer: the trace goes to the debug log (-v), the user sees words.
        org.slf4j.LoggerFactory.getLogger(Executor.class).debug("step {} failed", s.id(), e);
        message =
            "internal error in cspctl, please report it" + (message == null ? "" : ": " + message);
      }
      return new StepOutcome(
          s, StepOutcome.Status.FAILED, message, (System.nanoTime() - t0) / 1_000_000);
    }
  }

  private static void skipDependents(
      Step failed,
      Map<StepId, List<Step>> dependents,
      Map<StepId, StepOutcome.Status> status,
      List<StepOutcome> outcomes,
      ProgressListener progress,
      int total) {
    for (Step d : dependents.getOrDefault(failed.id(), List.of())) {
      if (status.containsKey(d.id())) continue;
      skip(d, failed.id(), status, outcomes, progress, total);
      skipDependents(d, dependents, status, outcomes, progress, total);
    }
  }

  /** Records {@code s} as skipped because {@code broken} failed or was skipped. */
  private static void skip(
      Step s,
      StepId broken,
      Map<StepId, StepOutcome.Status> status,
      List<StepOutcome> outcomes,
      ProgressListener progress,
      int total) {
    StepOutcome skipped =
        new StepOutcome(
            s,
            StepOutcome.Status.SKIPPED,
            "skipped: depends on "
                + broken
                + (status.get(broken) == StepOutcome.Status.FAILED
                    ? ", which failed"
                    : ", which was skipped"),
            0);
    status.put(s.id(), StepOutcome.Status.SKIPPED);
    outcomes.add(skipped);
    progress.finished(skipped, outcomes.size(), total);
  }
}
