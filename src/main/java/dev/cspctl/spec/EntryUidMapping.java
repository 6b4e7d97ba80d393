package dev.cspctl.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rewrites the entry uids of every experience's content with a target's {@code entries:} map. */
final class EntryUidMapping {
  private EntryUidMapping() {}

  static List<Experience> apply(List<Experience> experiences, Map<String, String> entries) {
    if (entries.isEmpty()) return experiences;
    List<Experience> out = new ArrayList<>();
    for (Experience e : experiences) {
      List<Variant> variants = new ArrayList<>();
      for (Variant v : e.variants()) {
        List<EntryContent> content =
            v.content().stream()
                .map(
                    c ->
                        new EntryContent(
                            c.contentType(),
                            entries.getOrDefault(c.entry(), c.entry()),
                            c.locale(),
                            c.fields(),
                            c.origin()))
                .toList();
        variants.add(
            new Variant(
                v.name(),
                v.renamedFrom(),
                v.audiences(),
                v.lyticsAudiences(),
                v.match(),
                v.traffic(),
                content));
      }
      out.add(
          new Experience(
              e.name(),
              e.renamedFrom(),
              e.description(),
              e.type(),
              e.status(),
              e.contentTypes(),
              variants,
              e.metrics(),
              e.tags(),
              e.audiences(),
              e.match(),
              e.origin()));
    }
    return out;
  }

  static boolean uses(List<Experience> experiences, String entry) {
    return experiences.stream()
        .flatMap(e -> e.variants().stream())
        .flatMap(v -> v.content().stream())
        .anyMatch(c -> c.entry().equals(entry));
  }
}
