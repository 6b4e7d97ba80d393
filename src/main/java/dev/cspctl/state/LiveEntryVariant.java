package dev.cspctl.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An entry variant's content. {@code fields} is the entry without {@code _variant} and system
 * fields (see {@link EntryFields}); {@code changeSet} and {@code version} are server-set.
 */
public record LiveEntryVariant(String contentType, String entryUid, String locale,
    String variantUid, JsonNode fields, List<String> changeSet, int version) {
  public LiveEntryVariant {
    changeSet = List.copyOf(changeSet);
  }

  public EntryKey entryKey() {
    return new EntryKey(contentType, entryUid, locale);
  }
}
