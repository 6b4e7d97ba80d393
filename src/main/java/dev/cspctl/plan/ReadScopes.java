package dev.cspctl.plan;

import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.EntryContent;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.Variant;
import dev.cspctl.state.EntryKey;
import dev.cspctl.state.ReadScope;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a plan of these specs must read: every entry the specs write content to (with the
 * experiences that write it, see {@link ReadScope}), and the stack's environments and locales.
 */
public final class ReadScopes {
  private ReadScopes() {}

  public static ReadScope of(DesiredState desired) {
    Map<EntryKey, Set<String>> writers = new HashMap<>();
    for (Experience e : desired.experiences()) {
      for (Variant v : e.variants()) {
        for (EntryContent c : v.content()) {
          Set<String> names =
              writers.computeIfAbsent(
                  new EntryKey(c.contentType(), c.entry(), c.locale()), k -> new HashSet<>());
          names.add(e.name());
          if (e.renamedFrom() != null) names.add(e.renamedFrom());
        }
      }
    }
    return ReadScope.of(writers.keySet()).withWriters(writers).withStackSettings();
  }
}
