package dev.cspctl.export;

import dev.cspctl.api.cma.CmaClient;
import dev.cspctl.api.cma.CmsEntry;
import dev.cspctl.api.cma.VariantGroup;
import dev.cspctl.api.personalize.PersonalizeClient;
import dev.cspctl.state.EntryKey;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.ReadScope;
import dev.cspctl.state.StateReader;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads the whole live project for an export. The state reader lists entry variants only for the
 * entries it is given, and the CMA has no "entries with variants" query, so this first lists the
 * base entries of every content type linked to a variant group of the project ({@code GET
 * /v3/content_types/{ct}/entries}, 100 per page, per locale), then reads the state with all of them
 * in scope: one entry-variant list per entry.
 */
public final class EntryDiscovery {
  private final PersonalizeClient personalize;
  private final CmaClient cma;

  public EntryDiscovery(PersonalizeClient personalize, CmaClient cma) {
    this.personalize = personalize;
    this.cma = cma;
  }

  /** The live state with the entry variants of every entry of the linked content types. */
  public LiveState read(List<String> locales) {
    return new StateReader(personalize, cma).read(scope(locales));
  }

  ReadScope scope(List<String> locales) {
    TreeSet<String> contentTypes = new TreeSet<>();
    for (VariantGroup g : cma.listAllVariantGroups()) {
      g.contentTypes().stream().filter(l -> l.isLinked()).forEach(l -> contentTypes.add(l.uid()));
    }
    List<EntryKey> keys = new ArrayList<>();
    for (String ct : contentTypes) {
      for (String locale : locales) {
        for (CmsEntry e : cma.listAllEntries(ct, locale)) {
          keys.add(new EntryKey(ct, e.uid(), e.locale() == null ? locale : e.locale()));
        }
      }
    }
    return ReadScope.of(keys);
  }
}
