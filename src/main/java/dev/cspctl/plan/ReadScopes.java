package dev.cspctl.plan;

import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.EntryContent;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.Variant;
import dev.cspctl.state.EntryKey;
import dev.cspctl.state.ReadScope;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a plan of these specs must read: every entry the specs write content to, and the stack's
 * environments and locales.
 */
public final class ReadScopes {
  private ReadScopes() {}

  public static ReadScope of(DesiredState desired) {
    Set<EntryKey> keys = new LinkedHashSet<>();
    for (Experience e : desired.experiences()) {
      for (Variant v : e.variants()) {
        for (EntryContent c : v.content())
          keys.add(new EntryKey(c.contentType(), c.entry(), c.locale()));
      }
    }
    return ReadScope.of(keys).withStackSettings();
  }
}
