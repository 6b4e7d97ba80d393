package dev.cspctl.apply;

import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResponseLostException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates that never duplicate: a POST whose reply was lost, or that failed with a 5xx, is
 * confirmed by re-reading (by natural key) before it is sent again. The plan was made from a fresh
 * read, so the first attempt needs no check. The real API has no idempotency keys, so this read is
 * the only safe way to retry a create.
 */
final class Writes {
  static final int ATTEMPTS = 3;

  private Writes() {}

  static <T> T createOnce(String what, Supplier<T> create, Supplier<Optional<T>> findExisting) {
    RemoteApiException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return create.get();
      } catch (ResponseLostException e) {
        last = e;
      } catch (RemoteApiException e) {
        if (e.status() < 500 && e.status() != 429 && e.status() != 0) throw e;
        last = e;
      }
      Optional<T> already = findExisting.get();
      if (already.isPresent()) return already.get();
    }
    throw new ApplyException(
        what + " failed after " + ATTEMPTS + " attempts: " + last.getMessage(), last);
  }
}
