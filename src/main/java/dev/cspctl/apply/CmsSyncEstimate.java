package dev.cspctl.apply;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long the CMS took to sync a new version's variants, as seen so far in this apply: the first
 * poll of the next sync waits for most of it instead of asking at once (each early poll is a
 * Personalize request that cannot succeed). Before any sync is seen it waits for nothing.
 */
final class CmsSyncEstimate {
  /** Poll a little before the shortest sync seen, so a faster one is not waited for long. */
  private static final double LEAD = 0.8;

  private final AtomicLong shortestNanos = new AtomicLong(Long.MAX_VALUE);

  /** A sync was complete {@code elapsed} after the version's PUT returned. */
  void observe(Duration elapsed) {
    shortestNanos.accumulateAndGet(elapsed.toNanos(), Math::min);
  }

  /** How long to wait before the first poll, given {@code elapsed} since the PUT returned. */
  Duration firstPollDelay(Duration elapsed) {
    long shortest = shortestNanos.get();
    if (shortest == Long.MAX_VALUE) return Duration.ZERO;
    return Duration.ofNanos(Math.max(0, (long) (shortest * LEAD) - elapsed.toNanos()));
  }
}
