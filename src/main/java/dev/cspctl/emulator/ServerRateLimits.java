package dev.cspctl.emulator;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sliding one-second window per bucket, with the real services' limits. Counts requests and 429s
 * per bucket whether or not enforcement is on.
 */
public final class ServerRateLimits {
  /** The real limits: Personalize 10/s; CMA reads 10/s, writes 10/s; bulk 1/s. */
  public enum Bucket {
    PERSONALIZE(10),
    CMA_READ(10),
    CMA_WRITE(10),
    BULK(1);

    final int perSecond;

    Bucket(int perSecond) {
      this.perSecond = perSecond;
    }
  }

  /** Outcome: allowed or not, limit, remaining in the window, seconds to wait. */
  public record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {}

  private static final long WINDOW_NANOS = 1_000_000_000L;
  private final boolean enforce;
  private final Map<Bucket, ArrayDeque<Long>> windows = new EnumMap<>(Bucket.class);
  private final Map<Bucket, long[]> counters = new EnumMap<>(Bucket.class);

  ServerRateLimits(boolean enforce) {
    this.enforce = enforce;
    for (Bucket b : Bucket.values()) {
      windows.put(b, new ArrayDeque<>());
      counters.put(b, new long[2]);
    }
  }

  Decision acquire(Bucket b) {
    ArrayDeque<Long> w = windows.get(b);
    synchronized (w) {
      long now = System.nanoTime();
      while (!w.isEmpty() && now - w.peekFirst() >= WINDOW_NANOS) {
        w.pollFirst();
      }
      long[] c = counters.get(b);
      c[0]++;
      if (!enforce) {
        return new Decision(true, b.perSecond, b.perSecond, 0);
      }
      if (w.size() >= b.perSecond) {
        c[1]++;
        long waitNanos = WINDOW_NANOS - (now - w.peekFirst());
        long seconds = Math.max(1, (waitNanos + WINDOW_NANOS - 1) / WINDOW_NANOS);
        return new Decision(false, b.perSecond, 0, seconds);
      }
      w.addLast(now);
      return new Decision(true, b.perSecond, b.perSecond - w.size(), 0);
    }
  }

  /** Counted 429 from fault injection. */
  void countThrottled(Bucket b) {
    synchronized (windows.get(b)) {
      counters.get(b)[1]++;
    }
  }

  /** bucket -> {requests, throttled}. */
  public Map<String, Map<String, Long>> counters() {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (Bucket b : Bucket.values()) {
      synchronized (windows.get(b)) {
        long[] c = counters.get(b);
        out.put(b.name(), Map.of("requests", c[0], "throttled", c[1]));
      }
    }
    return out;
  }

  void reset() {
    for (Bucket b : Bucket.values()) {
      synchronized (windows.get(b)) {
        windows.get(b).clear();
        counters.put(b, new long[2]);
      }
    }
  }
}
