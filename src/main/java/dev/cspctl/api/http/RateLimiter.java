package dev.cspctl.api.http;

import java.util.EnumMap;
import java.util.Map;

/** One {@link TokenBucket} per {@link RateBucket}, shared by every thread of the transport. */
public final class RateLimiter {
  private final Map<RateBucket, TokenBucket> buckets = new EnumMap<>(RateBucket.class);

  public RateLimiter(TransportConfig c) {
    buckets.put(
        RateBucket.PERSONALIZE, new TokenBucket("personalize", c.personalizeRate(), c.burst()));
    buckets.put(RateBucket.CMA_READ, new TokenBucket("cma-read", c.cmaReadRate(), c.burst()));
    buckets.put(RateBucket.CMA_WRITE, new TokenBucket("cma-write", c.cmaWriteRate(), c.burst()));
    buckets.put(RateBucket.CMA_BULK, new TokenBucket("cma-bulk", c.bulkRate(), c.burst()));
  }

  public long acquire(RateBucket bucket) {
    return buckets.get(bucket).acquire();
  }

  /**
   * Blocks until {@code bucket} has a permit free, taking none ({@link
   * TokenBucket#awaitAvailable}).
   */
  public void awaitAvailable(RateBucket bucket) {
    buckets.get(bucket).awaitAvailable();
  }
}
