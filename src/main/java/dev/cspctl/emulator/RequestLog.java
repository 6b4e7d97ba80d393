package dev.cspctl.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/** Bounded log of requests. Never records credential values, only which headers were present. */
public final class RequestLog {
  /** One request: credentials lists the names of credential headers present (values never kept). */
  public record Entry(
      String method, String path, int status, long ms, String fault, List<String> credentials) {}

  static final List<String> CREDENTIAL_HEADERS =
      List.of("authtoken", "authorization", "api_key", "x-project-uid");
  private static final int CAP = 10_000;
  private final ConcurrentLinkedDeque<Entry> entries = new ConcurrentLinkedDeque<>();
  private final AtomicInteger size = new AtomicInteger();

  void add(Entry e) {
    entries.addLast(e);
    if (size.incrementAndGet() > CAP) {
      entries.pollFirst();
      size.decrementAndGet();
    }
  }

  public List<Entry> entries() {
    return new ArrayList<>(entries);
  }

  void clear() {
    entries.clear();
    size.set(0);
  }
}
