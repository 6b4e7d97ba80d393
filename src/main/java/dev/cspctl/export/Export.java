package dev.cspctl.export;

import java.util.List;
import java.util.Map;

/**
 * The result of exporting a live project: spec files by relative path (sorted, forward slashes),
 * warnings naming every live resource or value the spec format could not represent, notes for the
 * user, and what was exported.
 */
public record Export(
    Map<String, String> files, List<String> warnings, List<String> notes, Counts counts) {
  public Export {
    files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
    warnings = List.copyOf(warnings);
    notes = List.copyOf(notes);
  }

  /** Resources written, by kind; {@code entryContents} counts content entries of variants. */
  public record Counts(
      int attributes,
      int events,
      int audiences,
      int experiences,
      int entryContents,
      boolean priority) {
    /** Attributes, events, audiences, experiences and the priority document. */
    public int resources() {
      return attributes + events + audiences + experiences + (priority ? 1 : 0);
    }

    public String line() {
      return n(attributes, "attribute")
          + ", "
          + n(events, "event")
          + ", "
          + n(audiences, "audience")
          + ", "
          + n(experiences, "experience")
          + " ("
          + n(entryContents, "entry variant content")
          + ")"
          + (priority ? ", priority" : "");
    }

    private static String n(int count, String noun) {
      return count + " " + noun + (count == 1 ? "" : "s");
    }
  }
}
