package dev.cspctl.cli;

import dev.cspctl.apply.ProgressListener;
import dev.cspctl.apply.StepOutcome;
import java.io.PrintWriter;

/** One line per finished step; on a terminal also the elapsed time of the whole run. */
final class ProgressPrinter implements ProgressListener {
  private final PrintWriter out;
  private final boolean terminal;
  private final long started = System.nanoTime();

  ProgressPrinter(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public synchronized void finished(StepOutcome o, int done, int total) {
    String mark = switch (o.status()) {
      case DONE -> "done";
      case FAILED -> "FAILED";
      case SKIPPED -> "skipped";
    };
    String line = String.format("[%d/%d] %s: %s (%d ms)", done, total, mark, o.step().description(), o.millis());
    if (terminal) line += String.format(", %.1f s elapsed", (System.nanoTime() - started) / 1e9);
    out.println(line);
    out.flush();
  }
}
