package dev.cspctl.api.http;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket shared by all threads. {@link #acquire()} waits for a permit; callers waiting at
 * once are served by {@link RequestPriority} (smaller first), then in arrival order, so N callers
 * on an empty bucket finish no earlier than (N - burst) / rate seconds after the first. A waiter
 * parks until its permit's time or until a caller ahead of it arrives (no busy loop, no fixed
 * sleep).
 */
public final class TokenBucket {
  private final String name;
  private final double ratePerNanos;
  private final double capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final PriorityQueue<Waiter> waiters = new PriorityQueue<>();
  private long arrivals;
  private double tokens;
  private long lastNanos;

  /** A caller waiting for a permit. */
  private record Waiter(long priority, long arrival) implements Comparable<Waiter> {
    @Override
    public int compareTo(Waiter o) {
      int c = Long.compare(priority, o.priority);
      return c != 0 ? c : Long.compare(arrival, o.arrival);
    }
  }

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
    long t0 = System.nanoTime();
    lock.lock();
    try {
      refill();
      if (waiters.isEmpty() && tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      Waiter me = new Waiter(RequestPriority.current(), arrivals++);
      waiters.add(me);
      changed.signalAll(); // a head waiting for its permit may not be the head any more
      while (true) {
        refill();
        boolean head = me.equals(waiters.peek()); // arrivals are unique
        if (head && tokens >= 1) {
          waiters.poll();
          tokens -= 1;
          changed.signalAll(); // the next head starts waiting for its permit
          return System.nanoTime() - t0;
        }
        try {
          if (head) changed.awaitNanos((long) Math.ceil((1 - tokens) / ratePerNanos));
          else changed.await();
        } catch (InterruptedException e) {
          waiters.remove(me);
          changed.signalAll();
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for rate limit " + name);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Caller holds the lock. */
  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - lastNanos) * ratePerNanos);
    lastNanos = now;
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
  long untilAvailable() {
    lock.lock();
    try {
      refill();
      return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerNanos);
    } finally {
      lock.unlock();
    }
  }

  /** Takes a token (possibly going into debt) and returns how long the caller must wait. */
  long reserve() {
    lock.lock();
    try {
      refill();
      tokens -= 1;
      return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNanos);
    } finally {
      lock.unlock();
    }
  }
}
