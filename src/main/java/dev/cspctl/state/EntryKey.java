package dev.cspctl.state;

import java.util.Objects;

/** A (content type, entry uid, locale) tuple. */
public record EntryKey(String contentType, String entryUid, String locale) {
  public EntryKey {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(entryUid, "entryUid");
    Objects.requireNonNull(locale, "locale");
  }
}
