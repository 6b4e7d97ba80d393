package dev.cspctl.apply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A generated project of configurable size for the benchmark: attributes, events, audiences,
 * segmented experiences (each variant targets one audience and writes content into entries), a
 * Priority list, and the entries seed the emulator needs. With {@code sharedEntries} every
 * experience writes into the same {@code entries} entries; otherwise each experience has its own.
 */
record BenchProject(
    int attributes,
    int events,
    int audiences,
    int experiences,
    int variants,
    int entries,
    boolean sharedEntries) {
  static final String CT = "bench_card";

  /**
   * The large workload: 50 experiences x 4 variants x 5 entries of their own, 1,000 entry variants.
   */
  static BenchProject defaults() {
    return new BenchProject(10, 10, 30, 50, 4, 5, false);
  }

  /**
   * The shared-entries workload: 20 experiences x 3 variants writing the same 3 entries, 180 entry
   * variants.
   */
  static BenchProject shared() {
    return new BenchProject(10, 10, 20, 20, 3, 3, true);
  }

  static BenchProject quick() {
    return new BenchProject(2, 2, 4, 4, 2, 2, false);
  }

  static BenchProject quickShared() {
    return new BenchProject(2, 2, 4, 4, 2, 2, true);
  }

  /**
   * Size from system properties {@code bench.attributes} ... {@code bench.entries}, else {@code
   * base} (the properties apply to both workloads of a run).
   */
  static BenchProject fromProperties(BenchProject base) {
    return new BenchProject(
        Integer.getInteger("bench.attributes", base.attributes),
        Integer.getInteger("bench.events", base.events),
        Integer.getInteger("bench.audiences", base.audiences),
        Integer.getInteger("bench.experiences", base.experiences),
        Integer.getInteger("bench.variants", base.variants),
        Integer.getInteger("bench.entries", base.entries),
        base.sharedEntries);
  }

  int entryVariants() {
    return experiences * variants * entries;
  }

  /** Distinct entries written. */
  int entryCount() {
    return sharedEntries ? entries : experiences * entries;
  }

  /** The uid of the {@code n}-th entry experience {@code e} writes into. */
  String entryOf(int e, int n) {
    return entryUid(sharedEntries ? 0 : e, n);
  }

  static String entryUid(int experience, int entry) {
    return String.format(Locale.ROOT, "blt%08x%08x", experience, entry);
  }

  static String experienceName(int e) {
    return "Bench experience " + e;
  }

  /**
   * Writes the spec folder; {@code changed} experiences get new content, {@code changed} audiences
   * a new description.
   */
  Path writeSpecs(Path dir, int changed) {
    try {
      Files.createDirectories(dir.resolve("experiences"));
      Files.writeString(
          dir.resolve("cspctl.yaml"),
          """
          project: 65f0c0ffee0123456789abcd
          stack: blt0123456789abcdef
          region: na
          branch: main
          publish:
            environments: [production]
            locales: [en-us]
            method: bulk
          prune: false
          """);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < attributes; i++) {
        sep(s)
            .append("kind: Attribute\nkey: bench_attr_")
            .append(i)
            .append("\nname: Bench attribute ")
            .append(i)
            .append("\ndescription: generated\n");
      }
      Files.writeString(dir.resolve("attributes.yaml"), s.toString());
      s.setLength(0);
      for (int i = 0; i < events; i++) {
        sep(s)
            .append("kind: Event\nkey: bench_event_")
            .append(i)
            .append("\ndescription: generated\n");
      }
      Files.writeString(dir.resolve("events.yaml"), s.toString());
      s.setLength(0);
      for (int i = 0; i < audiences; i++) {
        sep(s)
            .append("kind: Audience\nname: Bench audience ")
            .append(i)
            .append("\ndescription: generated")
            .append(i < changed ? " (changed)" : "")
            .append("\nrules:\n  - attribute: bench_attr_")
            .append(i % Math.max(1, attributes))
            .append("\n    condition: equals\n    value: v")
            .append(i)
            .append('\n');
      }
      Files.writeString(dir.resolve("audiences.yaml"), s.toString());
      StringBuilder priority = new StringBuilder("kind: Priority\norder:\n");
      for (int e = 0; e < experiences; e++) {
        priority.append("  - ").append(experienceName(e)).append('\n');
        StringBuilder x = new StringBuilder();
        x.append("kind: Experience\nname: ")
            .append(experienceName(e))
            .append("\ndescription: generated\ntype: segmented\n")
            .append("status: active\ncontentTypes: [")
            .append(CT)
            .append("]\nvariants:\n");
        for (int v = 0; v < variants; v++) {
          x.append("  - name: Variant ")
              .append(v)
              .append("\n    audiences: [Bench audience ")
              .append((e * variants + v) % audiences)
              .append("]\n    content:\n");
          for (int n = 0; n < entries; n++) {
            x.append("      - contentType: ")
                .append(CT)
                .append("\n        entry: ")
                .append(entryOf(e, n))
                .append("\n        fields:\n          title: Experience ")
                .append(e)
                .append(" variant ")
                .append(v)
                .append(e < changed ? " (changed)" : "")
                .append('\n');
          }
        }
        Files.writeString(dir.resolve("experiences/bench-" + e + ".yaml"), x.toString());
      }
      Files.writeString(dir.resolve("priority.yaml"), priority.toString());
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The emulator's entries seed: one content type and every entry the experiences write variants
   * of.
   */
  Path writeEntriesSeed(Path file) {
    StringBuilder s =
        new StringBuilder("{\"content_types\":[{\"uid\":\"")
            .append(CT)
            .append("\",\"title\":\"Bench card\",\"schema\":[")
            .append(
                "{\"uid\":\"title\",\"data_type\":\"text\",\"mandatory\":true},{\"uid\":\"body\",\"data_type\":\"text\"}]}],\"entries\":[");
    for (int e = 0; e < (sharedEntries ? 1 : experiences); e++) {
      for (int n = 0; n < entries; n++) {
        if (e + n > 0) s.append(',');
        s.append("{\"content_type\":\"")
            .append(CT)
            .append("\",\"entry\":{\"uid\":\"")
            .append(entryUid(e, n))
            .append("\",\"locale\":\"en-us\",\"_version\":1,\"title\":\"Base ")
            .append(e)
            .append('/')
            .append(n)
            .append("\"}}");
      }
    }
    s.append("]}");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, s.toString());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StringBuilder sep(StringBuilder s) {
    if (s.length() > 0) s.append("---\n");
    return s;
  }
}
