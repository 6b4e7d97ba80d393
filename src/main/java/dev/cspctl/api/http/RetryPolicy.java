package dev.cspctl.api.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * THE retry rule for both APIs (contentstack-api.md decision 7), in one place:
 *
 * <ul>
 *   <li>Retryable statuses: 408, 429, 500, 502, 503, 504 — but only for idempotent methods (GET,
 *       PUT, DELETE). For POST only 429 is retried: the server refused it before doing any work.
 *   <li>Connection failures ({@code IOException}: reset, empty reply / {@code
 *       NoHttpResponseException}, read timeout) are retried for idempotent methods. For POST the
 *       request may have reached the server, so it is NOT re-sent: the transport throws {@link
 *       dev.cspctl.api.ResponseLostException} and the caller re-reads state. A failure to
 *       <em>connect</em> (nothing was sent) is safe to retry for any method.
 *   <li>TLS failures and unknown hosts are never retried.
 *   <li>Delay: {@code Retry-After} (seconds or HTTP date, capped) when the reply carries it on
 *       429/503; else exponential backoff {@code min(max, base * 2^attempt)} with "equal jitter"
 *       (half fixed, half random from a seedable generator).
 * </ul>
 */
public final class RetryPolicy {
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 429, 500, 502, 503, 504);
  private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE", "HEAD");

  private final TransportConfig config;
  private final Random random;

  public RetryPolicy(TransportConfig config) {
    this.config = config;
    this.random = new Random(config.seed());
  }

  public static boolean isIdempotent(String method) {
    return IDEMPOTENT.contains(method);
  }

  public boolean retryStatus(String method, int status, int attempt) {
    if (attempt >= config.maxRetries() || !RETRYABLE_STATUS.contains(status)) {
      return false;
    }
    return isIdempotent(method) || status == 429;
  }

  /** True when nothing can have reached the server. */
  public static boolean notSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof ConnectTimeoutException
        || e instanceof NoRouteToHostException;
  }

  static boolean neverRetry(IOException e) {
    return e instanceof UnknownHostException || e instanceof SSLException;
  }

  public boolean retryIo(String method, IOException e, int attempt) {
    if (attempt >= config.maxRetries() || neverRetry(e)) {
      return false;
    }
    return isIdempotent(method) || notSent(e);
  }

  /** True when a POST's reply was lost after it may have been processed. */
  public static boolean responseLost(String method, IOException e) {
    return !isIdempotent(method)
        && !notSent(e)
        && !neverRetry(e)
        && !(e instanceof InterruptedIOException && Thread.currentThread().isInterrupted());
  }

  /** Delay before retry number {@code attempt + 1}. */
  public Duration delay(int attempt, int status, String retryAfter) {
    if ((status == 429 || status == 503) && retryAfter != null) {
      Optional<Duration> ra = parseRetryAfter(retryAfter);
      if (ra.isPresent()) {
        Duration d = ra.get();
        return d.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : d;
      }
    }
    long base = config.backoffBase().toNanos();
    long max = config.backoffMax().toNanos();
    long exp = attempt >= 30 ? max : Math.min(max, base << attempt);
    long half = exp / 2;
    long jitter;
    synchronized (random) {
      jitter = half <= 0 ? 0 : (long) (random.nextDouble() * half);
    }
    return Duration.ofNanos(half + jitter);
  }

  static Optional<Duration> parseRetryAfter(String value) {
    String v = value.trim();
    try {
      long secs = Long.parseLong(v);
      return Optional.of(Duration.ofSeconds(Math.max(0, secs)));
    } catch (NumberFormatException ignore) {
      // fall through to HTTP-date
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
