package dev.cspctl.apply;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.cspctl.api.http.HttpTransport;
import dev.cspctl.plan.Step;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * Counts the HTTP requests each apply step makes. A step runs on one executor thread and the
 * transport logs one INFO line per request on the calling thread, so the line is the step's that
 * thread last started. While attached, {@code cspctl.http} lines reach the console only at WARN and
 * above unless {@code printRequests} (the benchmark's {@code -Dbench.httpLog=INFO}).
 */
final class StepRequests extends AppenderBase<ILoggingEvent>
    implements ProgressListener, AutoCloseable {
  private final Map<Thread, String> running = new ConcurrentHashMap<>();
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  private final Logger http = (Logger) LoggerFactory.getLogger(HttpTransport.LOGGER_NAME);
  private final Level levelBefore = http.getLevel();
  private final boolean additiveBefore = http.isAdditive();
  private final PrintStream out;
  private final boolean printRequests;

  StepRequests(PrintStream out, boolean printRequests) {
    this.out = out;
    this.printRequests = printRequests;
    setContext(http.getLoggerContext());
    setName("bench-step-requests");
    start();
    http.setLevel(Level.INFO);
    http.setAdditive(false);
    http.addAppender(this);
  }

  /**
   * With {@code -Dbench.timeline=FILE}: one line per step (id, start and end ms since the phase's
   * first step).
   */
  private final String timeline = System.getProperty("bench.timeline");

  private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
  private volatile long phaseStart;

  @Override
  public void started(Step step, int index, int total) {
    running.put(Thread.currentThread(), step.id().value());
    if (timeline != null) {
      long now = System.nanoTime();
      if (phaseStart == 0) phaseStart = now;
      startedAt.put(step.id().value(), now);
    }
  }

  @Override
  public void finished(StepOutcome outcome, int done, int total) {
    running.remove(Thread.currentThread(), outcome.step().id().value());
    Long t0 = startedAt.get(outcome.step().id().value());
    if (timeline != null && t0 != null) {
      String line =
          String.format(
              "%8d %8d %s%n",
              (t0 - phaseStart) / 1_000_000,
              (System.nanoTime() - phaseStart) / 1_000_000,
              outcome.step().id().value());
      try {
        java.nio.file.Files.writeString(
            java.nio.file.Path.of(timeline),
            line,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Override
  protected void append(ILoggingEvent e) {
    if (e.getLevel() == Level.INFO) {
      String step = running.get(Thread.currentThread());
      if (step != null) counts.merge(step, 1, Integer::sum);
    }
    if (printRequests || e.getLevel().isGreaterOrEqual(Level.WARN))
      out.println(e.getFormattedMessage());
  }

  int requests(String stepId) {
    return counts.getOrDefault(stepId, 0);
  }

  void clear() {
    counts.clear();
    phaseStart = 0;
  }

  @Override
  public void close() {
    http.detachAppender(this);
    http.setAdditive(additiveBefore);
    http.setLevel(levelBefore);
    stop();
  }
}
