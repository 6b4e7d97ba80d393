package dev.cspctl.api.http;

import java.util.EnumMap;
import java.util.Map;

/**
 * One {@link RateWindow} per {@link RateBucket}, shared by every thread of the transport: each
 * allows ceil(rate) requests (at least {@code burst}) per window of that many / rate seconds.
 */
public final class RateLimiter {
  private final Map<RateBucket, RateWindow> buckets = new EnumMap<>(RateBucket.class);

  public RateLimiter(TransportConfig c) {
    buckets.put(RateBucket.PERSONALIZE, window("personalize", c.personalizeRate(), c.burst()));
    buckets.put(RateBucket.CMA_READ, window("cma-read", c.cmaReadRate(), c.burst()));
    buckets.put(RateBucket.CMA_WRITE, window("cma-write", c.cmaWriteRate(), c.burst()));
    buckets.put(RateBucket.CMA_BULK, window("cma-bulk", c.bulkRate(), c.burst()));
  }

  private static RateWindow window(String name, double rate, int burst) {
    return new RateWindow(name, rate, Math.max(burst, (int) Math.ceil(rate)));
  }

  public long acquire(RateBucket bucket) {
    return buckets.get(bucket).acquire();
  }

  /**
   * Blocks until {@code bucket} has a permit free, taking none ({@link RateWindow#awaitAvailable}).
   */
  public void awaitAvailable(RateBucket bucket) {
    buckets.get(bucket).awaitAvailable();
  }
}
