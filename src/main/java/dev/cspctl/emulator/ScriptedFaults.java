package dev.cspctl.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Faults a test asks for on particular requests ("the next 2 bulk publishes answer 500"), beside
 * the random schedule of {@link FaultInjector}. Such a request is refused before it reaches its
 * handler, so nothing of it takes effect.
 */
public final class ScriptedFaults {
  private record Rule(String method, Pattern path, int status, AtomicInteger remaining) {}

  private final List<Rule> rules = new ArrayList<>();

  /**
   * The next {@code times} requests {@code method} on a path matching {@code pathRegex} answer
   * {@code status}.
   */
  public synchronized void fail(String method, String pathRegex, int status, int times) {
    rules.add(new Rule(method, Pattern.compile(pathRegex), status, new AtomicInteger(times)));
  }

  /** Forgets every scripted fault not yet used. */
  public synchronized void clear() {
    rules.clear();
  }

  synchronized Optional<Integer> next(String method, String path) {
    for (Rule r : rules) {
      if (r.remaining().get() > 0
          && r.method().equals(method)
          && r.path().matcher(path).matches()) {
        r.remaining().decrementAndGet();
        return Optional.of(r.status());
      }
    }
    return Optional.empty();
  }
}
