package dev.cspctl.api.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Transport policy knobs. Defaults follow contentstack-api.md §0 (10 req/s Personalize, 10 GET/s
 * and 10 write/s CMA, 1 req/s bulk). Tests shrink timeouts and backoffs.
 *
 * @param burst tokens a bucket may hold (requests that may go at once after idleness)
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

  public static TransportConfig defaults() {
    return new TransportConfig(Duration.ofSeconds(10), Duration.ofSeconds(60), 10, 10, 10, 1, 1, 4,
        Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofSeconds(60),
        System.nanoTime(), 10);
  }

  public TransportConfig withTimeouts(Duration connect, Duration read) {
    return new TransportConfig(connect, read, personalizeRate, cmaReadRate, cmaWriteRate, bulkRate,
        burst, maxRetries, backoffBase, backoffMax, maxRetryAfter, seed, maxConnections);
  }

  public TransportConfig withRates(double personalize, double cmaRead, double cmaWrite, double bulk,
      int burst) {
    return new TransportConfig(connectTimeout, readTimeout, personalize, cmaRead, cmaWrite, bulk,
        burst, maxRetries, backoffBase, backoffMax, maxRetryAfter, seed, maxConnections);
  }

  public TransportConfig withRetries(int maxRetries, Duration base, Duration max, long seed) {
    return new TransportConfig(connectTimeout, readTimeout, personalizeRate, cmaReadRate,
        cmaWriteRate, bulkRate, burst, maxRetries, base, max, maxRetryAfter, seed, maxConnections);
  }

  public TransportConfig withMaxRetryAfter(Duration d) {
    return new TransportConfig(connectTimeout, readTimeout, personalizeRate, cmaReadRate,
        cmaWriteRate, bulkRate, burst, maxRetries, backoffBase, backoffMax, d, seed, maxConnections);
  }
}
