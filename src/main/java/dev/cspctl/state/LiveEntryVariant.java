package dev.cspctl.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An entry variant's content. {@code fields} is the entry without {@code _variant} and system
 * fields (see {@link EntryFields}); {@code changeSet} and {@code version} are server-set.
 */
public record LiveEntryVariant(
    String contentType,
    String entryUid,
    String locale,
    String variantUid,
    JsonNode fields,
    List<String> changeSet,
    int version,
    List<Publication> published) {
  /** A version published to an environment (by name) in a locale. */
  public record Publication(String environment, String locale, int version) {}

  public LiveEntryVariant {
    changeSet = List.copyOf(changeSet);
    published = published == null ? List.of() : List.copyOf(published);
  }

  public LiveEntryVariant(
      String contentType,
      String entryUid,
      String locale,
      String variantUid,
      JsonNode fields,
      List<String> changeSet,
      int version) {
    this(contentType, entryUid, locale, variantUid, fields, changeSet, version, List.of());
  }

  /** Whether this variant's current version is published to {@code environment} in its locale. */
  public boolean publishedCurrentTo(String environment) {
    return published.stream()
        .anyMatch(
            p ->
                p.environment().equals(environment)
                    && p.locale().equals(locale)
                    && p.version() >= version);
  }

  public EntryKey entryKey() {
    return new EntryKey(contentType, entryUid, locale);
  }
}
