package dev.cspctl.cli;

import dev.cspctl.apply.ProgressListener;
import dev.cspctl.apply.ProjectLock;
import dev.cspctl.apply.StepOutcome;
import dev.cspctl.apply.StopSignal;
import dev.cspctl.plan.Step;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGINT/SIGTERM during {@code cspctl apply} (a cancelled CI job, Ctrl-C): a shutdown hook that
 * stops the apply from starting further steps, gives the running ones {@code grace} to finish, and
 * makes sure the project lock is released and the one-line {@code interrupted: N done, M not
 * started} summary is printed before the JVM exits. Normally the apply's own thread does both as it
 * unwinds; the hook does them itself only when that thread is not done in time (or had not started
 * any step: then there is nothing to wait for).
 */
final class Interruption implements AutoCloseable {
  static final String REASON = "interrupted (SIGINT/SIGTERM)";

  private final StopSignal stop = new StopSignal();
  private final CountDownLatch unwound = new CountDownLatch(1);
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  private final PrintWriter err;
  private final Duration grace;
  private final Thread hook;
  private volatile ProjectLock lock;
  private volatile int total = -1;

  private Interruption(PrintWriter err, Duration grace) {
    this.err = err;
    this.grace = grace;
    this.hook = new Thread(this::onSignal, "cspctl-interrupt");
  }

  static Interruption install(PrintWriter err, Duration grace) {
    Interruption i = new Interruption(err, grace);
    Runtime.getRuntime().addShutdownHook(i.hook);
    return i;
  }

  StopSignal stop() {
    return stop;
  }

  /**
   * The lock to release if the apply's thread does not unwind in time; a lost lock also stops the
   * apply.
   */
  void guard(ProjectLock lock) {
    this.lock = lock;
    lock.onLost(stop);
  }

  /** Wraps the progress output so that the hook knows how far the apply got. */
  /** The whole plan of a staged apply is known: it has {@code steps} steps. */
  void planned(int steps) {
    total = steps;
  }

  ProgressListener executing(int steps, ProgressListener progress) {
    total = steps;
    return new ProgressListener() {
      @Override
      public void started(Step step, int index, int all) {
        started.incrementAndGet();
        progress.started(step, index, all);
      }

      @Override
      public void finished(StepOutcome outcome, int count, int all) {
        if (outcome.status() == StepOutcome.Status.DONE) done.incrementAndGet();
        if (outcome.status() != StepOutcome.Status.SKIPPED) finished.incrementAndGet();
        progress.finished(outcome, count, all);
      }
    };
  }

  private void onSignal() {
    stop.request(REASON);
    boolean inTime = false;
    try {
      // Before any step has started there is nothing to let finish: a short wait lets a lock
      // request in flight be cleaned up by the apply's thread, then the hook releases the lock.
      long wait = total >= 0 ? grace.toMillis() : Math.min(grace.toMillis(), 2000);
      inTime = unwound.await(wait, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (inTime) return;
    ProjectLock l = lock;
    if (total >= 0) {
      int running = Math.max(0, started.get() - finished.get());
      err.println(
          "interrupted: "
              + done.get()
              + " done, "
              + Math.max(0, total - started.get())
              + " not started ("
              + running
              + " still running after "
              + grace.toSeconds()
              + " s were abandoned); project lock released");
    } else {
      err.println("interrupted: 0 done, nothing was changed");
    }
    if (l != null) l.close();
    err.flush();
  }

  /**
   * The apply's thread has unwound (lock released, summary printed): the hook has nothing left to
   * do.
   */
  @Override
  public void close() {
    unwound.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running and sees the latch
    }
  }
}
