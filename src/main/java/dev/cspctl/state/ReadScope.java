package dev.cspctl.state;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entries (content type, entry uid, locale) whose variants the specs touch. The reader lists
 * entry variants only for these: the CMA offers no cheap way to discover every entry holding
 * variants (it would take listing every entry of every linked content type).
 */
public record ReadScope(List<EntryKey> entries, boolean stackSettings) {
  public ReadScope(List<EntryKey> entries) {
    this(entries, false);
  }

  /** The same entries, plus the stack's environments and locales (two more CMA reads). */
  public ReadScope withStackSettings() {
    return new ReadScope(entries, true);
  }

  public ReadScope {
    Set<EntryKey> sorted =
        new TreeSet<>(
            Comparator.comparing(EntryKey::contentType)
                .thenComparing(EntryKey::entryUid)
                .thenComparing(EntryKey::locale));
    sorted.addAll(entries);
    entries = List.copyOf(sorted);
  }

  public static ReadScope of(Collection<EntryKey> entries) {
    return new ReadScope(List.copyOf(entries));
  }

  public static ReadScope empty() {
    return new ReadScope(List.of());
  }
}
