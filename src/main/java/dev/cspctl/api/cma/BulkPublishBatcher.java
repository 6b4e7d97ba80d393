package dev.cspctl.api.cma;

import dev.cspctl.api.ApiAssumptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a publish of any size into requests within the bulk limits (§10: ≤10 entries × ≤10 locales
 * × ≤10 environments). The result covers the full cross product exactly once; the number of
 * requests is {@code ceil(E/10) * ceil(L/10) * ceil(V/10)}.
 */
public final class BulkPublishBatcher {
  private BulkPublishBatcher() {}

  public static List<BulkPublishRequest> batches(
      List<BulkEntry> entries, List<String> locales, List<String> environments) {
    List<BulkPublishRequest> out = new ArrayList<>();
    for (List<BulkEntry> e : chunks(entries, ApiAssumptions.BULK_MAX_ENTRIES)) {
      for (List<String> l : chunks(locales, ApiAssumptions.BULK_MAX_LOCALES)) {
        for (List<String> v : chunks(environments, ApiAssumptions.BULK_MAX_ENVIRONMENTS)) {
          out.add(new BulkPublishRequest(e, l, v));
        }
      }
    }
    return out;
  }

  static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
    }
    return out;
  }
}
