package dev.cspctl.state;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The entries (content type, entry uid, locale) whose variants the specs touch. The reader lists
 * entry variants only for these: the CMA offers no cheap way to discover every entry holding
 * variants (it would take listing every entry of every linked content type).
 *
 * <p>{@code writers} names, for an entry, the experiences whose specs write it (their names and the
 * names they were renamed from). An entry that no live experience of those names can have variants
 * on is only checked for existence (one batched query per 100 entries) instead of having its
 * variants listed: a new experience has no CMS variants yet. An entry without writers is always
 * listed in full (export, saved plans).
 */
public record ReadScope(
    List<EntryKey> entries, boolean stackSettings, Map<EntryKey, Set<String>> writers) {
  public ReadScope(List<EntryKey> entries) {
    this(entries, false, Map.of());
  }

  public ReadScope(List<EntryKey> entries, boolean stackSettings) {
    this(entries, stackSettings, Map.of());
  }

  /** The same entries, plus the stack's environments and locales (two more CMA reads). */
  public ReadScope withStackSettings() {
    return new ReadScope(entries, true, writers);
  }

  /** The same scope, knowing which experiences write each entry. */
  public ReadScope withWriters(Map<EntryKey, Set<String>> writers) {
    return new ReadScope(entries, stackSettings, writers);
  }

  public ReadScope {
    Set<EntryKey> sorted = new TreeSet<>(ORDER);
    sorted.addAll(entries);
    entries = List.copyOf(sorted);
    Map<EntryKey, Set<String>> w = new TreeMap<>(ORDER);
    writers.forEach((k, v) -> w.put(k, Set.copyOf(v)));
    writers = java.util.Collections.unmodifiableMap(w);
  }

  private static final Comparator<EntryKey> ORDER =
      Comparator.comparing(EntryKey::contentType)
          .thenComparing(EntryKey::entryUid)
          .thenComparing(EntryKey::locale);

  /**
   * Whether the entry's variants must be listed, given the names of the live experiences: it has no
   * known writers, or one of them is live.
   */
  public boolean needsVariants(EntryKey entry, Set<String> liveExperienceNames) {
    Set<String> w = writers.get(entry);
    return w == null || w.stream().anyMatch(liveExperienceNames::contains);
  }

  public static ReadScope of(Collection<EntryKey> entries) {
    return new ReadScope(List.copyOf(entries));
  }

  public static ReadScope empty() {
    return new ReadScope(List.of());
  }
}
