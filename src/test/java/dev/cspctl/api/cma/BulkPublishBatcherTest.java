package dev.cspctl.api.cma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BulkPublishBatcherTest {

  @Property(tries = 200)
  void coversTheCrossProductExactlyOnceWithinLimits(
      @ForAll @IntRange(min = 1, max = 35) int entries,
      @ForAll @IntRange(min = 1, max = 23) int locales,
      @ForAll @IntRange(min = 1, max = 21) int envs) {
    List<BulkEntry> es = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      es.add(new BulkEntry("blt" + i, "page", 1, "en-us", null));
    }
    List<String> ls = new ArrayList<>();
    for (int i = 0; i < locales; i++) {
      ls.add("l" + i);
    }
    List<String> vs = new ArrayList<>();
    for (int i = 0; i < envs; i++) {
      vs.add("e" + i);
    }
    List<BulkPublishRequest> batches = BulkPublishBatcher.batches(es, ls, vs);

    Set<String> seen = new HashSet<>();
    for (BulkPublishRequest b : batches) {
      assertThat(b.entries()).hasSizeBetween(1, 10);
      assertThat(b.locales()).hasSizeBetween(1, 10);
      assertThat(b.environments()).hasSizeBetween(1, 10);
      for (BulkEntry e : b.entries()) {
        for (String l : b.locales()) {
          for (String v : b.environments()) {
            assertThat(seen.add(e.uid() + "/" + l + "/" + v)).as("duplicate").isTrue();
          }
        }
      }
    }
    assertThat(seen).hasSize(entries * locales * envs);
    assertThat(batches).hasSize(((entries + 9) / 10) * ((locales + 9) / 10) * ((envs + 9) / 10));
  }
}
