package dev.cspctl.api.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Transport policy knobs. Defaults follow contentstack-api.md §0 (10 req/s Personalize, 10 GET/s
 * and 10 write/s CMA, 1 req/s bulk). Tests shrink timeouts and backoffs.
 *
 * @param burst requests that may go at once after a quiet window (at least: a window holds
 *     ceil(rate))
 * @param maxRetries retries after the first attempt (so at most maxRetries+1 attempts)
 * @param maxRetryAfter cap on an honoured {@code Retry-After}
 * @param seed seed for backoff jitter (reproducible tests)
 */
public record TransportConfig(
    Duration connectTimeout,
    Duration readTimeout,
    double personalizeRate,
    double cmaReadRate,
    double cmaWriteRate,
    double bulkRate,
    int burst,
    int maxRetries,
    Duration backoffBase,
    Duration backoffMax,
    Duration maxRetryAfter,
    long seed,
    int maxConnections) {

  public TransportConfig {
    Objects.requireNonNull(connectTimeout);
    Objects.requireNonNull(readTimeout);
    Objects.requireNonNull(backoffBase);
    Objects.requireNonNull(backoffMax);
    Objects.requireNonNull(maxRetryAfter);
    if (personalizeRate <= 0 || cmaReadRate <= 0 || cmaWriteRate <= 0 || bulkRate <= 0) {
      throw new IllegalArgumentException("rates must be positive");
    }
    if (burst < 1 || maxRetries < 0 || maxConnections < 1) {
      throw new IllegalArgumentException("burst>=1, maxRetries>=0, maxConnections>=1 required");
    }
  }

  /**
   * The client's rate windows run this fraction of the documented limits. The servers count
   * requests in a one-second window at arrival; evenly spaced departures at exactly the limit reach
   * them with jitter, and any arrival less than a second after the 10th-previous (bulk: the
   * previous) one is refused with 429 and {@code Retry-After: 1}. At exactly 1/s about every other
   * bulk publish got a 429 and a 50-experience apply failed after 4 retries (the benchmark in
   * docs/performance.md); at 95% the margin is 50 ms per window and the 429s are gone.
   */
  public static final double RATE_MARGIN = 0.95;

  public static TransportConfig defaults() {
    return new TransportConfig(
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        10 * RATE_MARGIN,
        10 * RATE_MARGIN,
        10 * RATE_MARGIN,
        1 * RATE_MARGIN,
        1,
        4,
        Duration.ofMillis(500),
        Duration.ofSeconds(20),
        Duration.ofSeconds(60),
        System.nanoTime(),
        10);
  }

  public TransportConfig withTimeouts(Duration connect, Duration read) {
    return new TransportConfig(
        connect,
        read,
        personalizeRate,
        cmaReadRate,
        cmaWriteRate,
        bulkRate,
        burst,
        maxRetries,
        backoffBase,
        backoffMax,
        maxRetryAfter,
        seed,
        maxConnections);
  }

  public TransportConfig withRates(
      double personalize, double cmaRead, double cmaWrite, double bulk, int burst) {
    return new TransportConfig(
        connectTimeout,
        readTimeout,
        personalize,
        cmaRead,
        cmaWrite,
        bulk,
        burst,
        maxRetries,
        backoffBase,
        backoffMax,
        maxRetryAfter,
        seed,
        maxConnections);
  }

  public TransportConfig withRetries(int maxRetries, Duration base, Duration max, long seed) {
    return new TransportConfig(
        connectTimeout,
        readTimeout,
        personalizeRate,
        cmaReadRate,
        cmaWriteRate,
        bulkRate,
        burst,
        maxRetries,
        base,
        max,
        maxRetryAfter,
        seed,
        maxConnections);
  }

  public TransportConfig withMaxRetryAfter(Duration d) {
    return new TransportConfig(
        connectTimeout,
        readTimeout,
        personalizeRate,
        cmaReadRate,
        cmaWriteRate,
        bulkRate,
        burst,
        maxRetries,
        backoffBase,
        backoffMax,
        d,
        seed,
        maxConnections);
  }
}
