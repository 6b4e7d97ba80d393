package dev.cspctl.emulator;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Holds the state behind one lock. Every read and write of the model goes through {@link #locked},
 * which first completes due _cms syncs, so there are no lost updates.
 */
final class Store {
  private final Object lock = new Object();
  private final Supplier<EmulatorState> fresh;
  private final CmsSync sync;
  private EmulatorState state;

  Store(EmulatorState initial, Supplier<EmulatorState> fresh, CmsSync sync) {
    this.state = initial;
    this.fresh = fresh;
    this.sync = sync;
  }

  /**
   * Runs the action under the lock. A {@link Response} result gets a deep copy of its body, so
   * serialisation outside the lock never sees a node another request is changing.
   */
  @SuppressWarnings("unchecked")
  <T> T locked(Function<EmulatorState, T> action) {
    synchronized (lock) {
      sync.runDue(state, System.currentTimeMillis());
      T result = action.apply(state);
      if (result instanceof Response r && r.body() != null) {
        return (T) new Response(r.status(), r.body().deepCopy());
      }
      return result;
    }
  }

  void reset() {
    synchronized (lock) {
      state = fresh.get();
    }
  }

  String dump() {
    return locked(
        s -> {
          try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(s);
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
