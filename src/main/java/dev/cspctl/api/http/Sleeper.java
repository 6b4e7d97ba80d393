package dev.cspctl.api.http;

import java.time.Duration;

/** Waits between retries; replaceable in tests to record the computed delays. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration d) throws InterruptedException;

  Sleeper REAL = d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
}
