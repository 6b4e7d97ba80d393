package dev.cspctl.api.http;

import java.util.function.Supplier;

/**
 * The priority of the calling thread's requests when they wait for a rate-limit permit: a smaller
 * value goes first. The applier runs each step under its rank, so the first experience's chain is
 * not queued behind the creates of audiences that only later experiences need; a thread that set
 * none (the state reader, the project lock's lease) goes before every step.
 */
public final class RequestPriority {
  private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

  private RequestPriority() {}

  public static long current() {
    Long p = CURRENT.get();
    return p == null ? Long.MIN_VALUE : p;
  }

  /** Runs {@code body} with this thread's requests at {@code priority}. */
  public static <T> T with(long priority, Supplier<T> body) {
    Long before = CURRENT.get();
    CURRENT.set(priority);
    try {
      return body.get();
    } finally {
      if (before == null) CURRENT.remove();
      else CURRENT.set(before);
    }
  }
}
