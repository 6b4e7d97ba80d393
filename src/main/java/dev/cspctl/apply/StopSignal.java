package dev.cspctl.apply;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks a running apply to stop starting steps (SIGINT/SIGTERM, or the project lock was lost). Steps
 * already running finish; the rest are reported as not started. The first reason wins.
 */
public final class StopSignal {
  private final AtomicReference<String> reason = new AtomicReference<>();

  /** Requests the stop; later requests keep the first reason. */
  public void request(String why) {
    reason.compareAndSet(null, why);
  }

  public boolean requested() {
    return reason.get() != null;
  }

  /** Why the stop was requested, or null. */
  public String reason() {
    return reason.get();
  }
}
