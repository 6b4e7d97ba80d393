package dev.cspctl.api.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket shared by all threads. {@link #acquire()} reserves the next slot under a lock and
 * then parks the calling thread until exactly that slot's time (no busy loop, no fixed sleep).
 * Reservations are handed out in arrival order, so N callers on an empty bucket finish no earlier
 * than (N - burst) / rate seconds after the first.
 */
public final class TokenBucket {
  private final String name;
  private final double ratePerNanos;
  private final double capacity;
  private double tokens;
  private long lastNanos;

  public TokenBucket(String name, double permitsPerSecond, int burst) {
    this.name = name;
    this.ratePerNanos = permitsPerSecond / TimeUnit.SECONDS.toNanos(1);
    this.capacity = burst;
    this.tokens = burst;
    this.lastNanos = System.nanoTime();
  }

  public String name() {
    return name;
  }

  /** Blocks until a permit is available. Returns the nanoseconds waited. */
  public long acquire() {
    long waitNanos = reserve();
    if (waitNanos <= 0) {
      return 0;
    }
    long deadline = System.nanoTime() + waitNanos;
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(this, left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for rate limit " + name);
      }
    }
    return waitNanos;
  }

  /**
   * Blocks until a permit could be taken without waiting, and takes none: a caller that wants to
   * decide what to send only once it may send (the bulk publish queue) waits here, then sends with
   * {@link #acquire()}, which is then immediate unless another thread took the permit.
   */
  public void awaitAvailable() {
    long left;
    while ((left = untilAvailable()) > 0) {
      LockSupport.parkNanos(this, left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for rate limit " + name);
      }
    }
  }

  /** Nanoseconds until a whole token is in the bucket (0 when one is there now). */
  synchronized long untilAvailable() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - lastNanos) * ratePerNanos);
    lastNanos = now;
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerNanos);
  }

  /** Takes a token (possibly going into debt) and returns how long the caller must wait. */
  synchronized long reserve() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - lastNanos) * ratePerNanos);
    lastNanos = now;
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNanos);
  }
}
