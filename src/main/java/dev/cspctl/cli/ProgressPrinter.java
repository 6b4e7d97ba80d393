package dev.cspctl.cli;

import dev.cspctl.apply.ProgressListener;
import dev.cspctl.apply.StepOutcome;
import dev.cspctl.plan.Step;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One line per finished step, numbered as the plan listed it ({@code [n/N]}, not completion order);
 * on a terminal also the elapsed time of the whole run. While a step runs for long (the CMS sync, a
 * Retry-After), a "still waiting" line every {@code interval}, so a wait is never silent.
 */
final class ProgressPrinter implements ProgressListener, AutoCloseable {
  static final Duration WAIT_INTERVAL = Duration.ofSeconds(10);

  private final PrintWriter out;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private final Map<dev.cspctl.plan.StepId, Integer> numbers = new HashMap<>();
  private final int total;
  private final long intervalNanos;
  private final Map<Step, Long> running = new LinkedHashMap<>();
  private final Map<Step, Integer> reported = new HashMap<>();
  private final ScheduledExecutorService ticker;

  ProgressPrinter(PrintWriter out, boolean terminal, List<Step> planned) {
    this(out, terminal, planned, WAIT_INTERVAL);
  }

  ProgressPrinter(PrintWriter out, boolean terminal, List<Step> planned, Duration interval) {
    this.out = out;
    this.terminal = terminal;
    for (int i = 0; i < planned.size(); i++) numbers.put(planned.get(i).id(), i + 1);
    this.total = planned.size();
    this.intervalNanos = interval.toNanos();
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cspctl-progress");
              t.setDaemon(true);
              return t;
            });
    long tick = Math.max(1, interval.toMillis() / 10);
    var unused = ticker.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
  }

  private String number(Step step) {
    Integer n = numbers.get(step.id());
    return "[" + (n == null ? "?" : n) + "/" + total + "]";
  }

  @Override
  public synchronized void started(Step step, int index, int all) {
    running.put(step, System.nanoTime());
  }

  @Override
  public synchronized void finished(StepOutcome o, int done, int all) {
    running.remove(o.step());
    reported.remove(o.step());
    String mark =
        switch (o.status()) {
          case DONE -> "done";
          case FAILED -> "FAILED";
          case SKIPPED -> "skipped";
        };
    String line =
        String.format(
            "%s %s: %s (%d ms)", number(o.step()), mark, o.step().description(), o.millis());
    if (terminal) line += String.format(", %.1f s elapsed", (System.nanoTime() - started) / 1e9);
    out.println(line);
    out.flush();
  }

  private synchronized void tick() {
    long now = System.nanoTime();
    for (Map.Entry<Step, Long> r : running.entrySet()) {
      int intervals = (int) ((now - r.getValue()) / intervalNanos);
      if (intervals > reported.getOrDefault(r.getKey(), 0)) {
        reported.put(r.getKey(), intervals);
        out.println(
            number(r.getKey())
                + " still waiting ("
                + seconds(intervals * intervalNanos)
                + "): "
                + r.getKey().description()
                + "…");
        out.flush();
      }
    }
  }

  static String seconds(long nanos) {
    long ms = nanos / 1_000_000;
    return ms % 1000 == 0 ? ms / 1000 + " s" : String.format("%.1f s", ms / 1000.0);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
