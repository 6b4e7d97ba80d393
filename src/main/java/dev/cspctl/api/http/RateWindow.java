package dev.cspctl.api.http;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A client-side rate limit shaped like the servers' own: at most {@code permits} requests in any
 * window of {@code permits / rate} seconds, shared by all threads. The servers refuse the (N+1)-th
 * arrival within one second; a window of N / (0.95 N) s keeps 5% of margin for the time between
 * leaving and arriving, as evenly spaced requests at 95% did, and still lets N requests go at once
 * after a quiet second (a token bucket holding one token spaced them 1/rate apart even then: the
 * first experience of an apply waited for 17 audience, attribute and event creates at 9.5/s).
 *
 * <p>{@link #acquire()} waits for a permit; callers waiting at once are served by {@link
 * RequestPriority} (smaller first), then in arrival order. A waiter parks until its permit's time
 * or until a caller ahead of it arrives (no busy loop, no fixed sleep).
 */
public final class RateWindow {
  private final String name;
  private final long windowNanos;
  private final long[] granted; // the last `permits` grant times, oldest at `next`
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final PriorityQueue<Waiter> waiters = new PriorityQueue<>();
  private int next;
  private long arrivals;

  /** A caller waiting for a permit. */
  private record Waiter(long priority, long arrival) implements Comparable<Waiter> {
    @Override
    public int compareTo(Waiter o) {
      int c = Long.compare(priority, o.priority);
      return c != 0 ? c : Long.compare(arrival, o.arrival);
    }
  }

  public RateWindow(String name, double permitsPerSecond, int permits) {
    if (permitsPerSecond <= 0 || permits < 1)
      throw new IllegalArgumentException("rate > 0 and permits >= 1 required");
    this.name = name;
    this.windowNanos = (long) Math.ceil(permits / permitsPerSecond * TimeUnit.SECONDS.toNanos(1));
    this.granted = new long[permits];
    long longAgo = System.nanoTime() - windowNanos;
    java.util.Arrays.fill(granted, longAgo);
  }

  public String name() {
    return name;
  }

  /** Blocks until a permit is available. Returns the nanoseconds waited. */
  public long acquire() {
    long t0 = System.nanoTime();
    lock.lock();
    try {
      if (waiters.isEmpty() && untilFree(t0) == 0) {
        grant(t0);
        return 0;
      }
      Waiter me = new Waiter(RequestPriority.current(), arrivals++);
      waiters.add(me);
      changed.signalAll(); // a head waiting for its permit may not be the head any more
      while (true) {
        long now = System.nanoTime();
        boolean head = me.equals(waiters.peek()); // arrivals are unique
        long wait = untilFree(now);
        if (head && wait == 0) {
          waiters.poll();
          grant(now);
          changed.signalAll(); // the next head starts waiting for its permit
          return now - t0;
        }
        try {
          if (head) changed.awaitNanos(wait);
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

  /** Nanoseconds until a permit is free (0 when one is free now). */
  long untilAvailable() {
    lock.lock();
    try {
      return untilFree(System.nanoTime());
    } finally {
      lock.unlock();
    }
  }

  /** Caller holds the lock. The oldest of the last {@code permits} grants leaves the window. */
  private long untilFree(long now) {
    return Math.max(0, granted[next] + windowNanos - now);
  }

  /** Caller holds the lock. */
  private void grant(long now) {
    granted[next] = now;
    next = (next + 1) % granted.length;
  }
}
