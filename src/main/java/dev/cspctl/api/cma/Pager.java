package dev.cspctl.api.cma;

import dev.cspctl.api.ApiAssumptions;
import java.util.ArrayList;
import java.util.List;

/**
 * CMA pagination (§11): {@code skip}/{@code limit} (≤100) with {@code include_count=true}. With a
 * {@code count} the number of requests is {@code max(1, ceil(count/limit))}; without one (see
 * {@link ApiAssumptions#CMA_COUNT_EXPECTED}) pages are read until one is short, which costs one
 * extra request when the total is a multiple of the limit.
 */
public final class Pager {
  private Pager() {}

  public record Page<T>(List<T> items, Integer count) {
    public Page {
      items = List.copyOf(items);
    }
  }

  @FunctionalInterface
  public interface Fetch<T> {
    Page<T> fetch(int skip, int limit);
  }

  public static <T> List<T> all(int limit, Fetch<T> fetch) {
    List<T> out = new ArrayList<>();
    int skip = 0;
    while (true) {
      Page<T> page = fetch.fetch(skip, limit);
      out.addAll(page.items());
      skip += page.items().size();
      boolean more =
          page.count() != null
              ? skip < page.count() && !page.items().isEmpty()
              : page.items().size() >= limit;
      if (!more) {
        return List.copyOf(out);
      }
    }
  }
}
