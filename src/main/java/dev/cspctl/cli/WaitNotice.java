package dev.cspctl.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** "still waiting (10 s) for …" every interval while a blocking wait (the project lock) lasts. */
final class WaitNotice implements AutoCloseable {
  private final ScheduledExecutorService ticker;

  WaitNotice(PrintWriter err, String what, Duration interval) {
    long start = System.nanoTime();
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cspctl-wait");
              t.setDaemon(true);
              return t;
            });
    var unused =
        ticker.scheduleAtFixedRate(
            () -> {
              synchronized (err) {
                err.println(
                    "still waiting ("
                        + ProgressPrinter.seconds(round(System.nanoTime() - start, interval))
                        + ") "
                        + what
                        + "…");
                err.flush();
              }
            },
            interval.toMillis(),
            interval.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  private static long round(long nanos, Duration interval) {
    return Math.max(1, Math.round((double) nanos / interval.toNanos())) * interval.toNanos();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
