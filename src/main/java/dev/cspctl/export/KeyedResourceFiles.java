package dev.cspctl.export;

import dev.cspctl.plan.Ownership;
import dev.cspctl.state.LiveAttribute;
import dev.cspctl.state.LiveEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code attributes.yaml} and {@code events.yaml}: one document per resource, sorted by key. */
final class KeyedResourceFiles {
  private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-z0-9_]{1,100}");
  private static final Pattern EVENT_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

  private KeyedResourceFiles() {}

  /** The file text, or null when no attribute is exported; {@code exported} receives the count. */
  static String attributes(List<LiveAttribute> live, List<String> warnings, int[] exported) {
    List<LiveAttribute> sorted = new ArrayList<>(live);
    sorted.sort(
        Comparator.comparing(LiveAttribute::key, Comparator.nullsFirst(Comparator.naturalOrder())));
    YamlOut y = Header.start("attribute");
    Set<String> seen = new HashSet<>();
    int n = 0;
    for (LiveAttribute a : sorted) {
      if (a.key() == null || !ATTRIBUTE_KEY.matcher(a.key()).matches() || !seen.add(a.key())) {
        warnings.add(
            "attribute '"
                + a.key()
                + "' (uid "
                + a.uid()
                + ") not exported: its key is not a valid, unique spec key ([a-z0-9_]+)");
        continue;
      }
      String name = a.name() == null || a.name().isBlank() ? a.key() : a.name();
      if (!name.equals(a.name()))
        warnings.add("attribute " + a.key() + " has no name; exported with its key as name");
      if (n++ > 0) y.raw("---");
      y.raw("kind: Attribute")
          .field(0, "key", a.key(), "uid " + a.uid())
          .field(0, "name", name, null);
      description(y, a.description());
    }
    exported[0] = n;
    return n == 0 ? null : y.toString();
  }

  static String events(List<LiveEvent> live, List<String> warnings, int[] exported) {
    List<LiveEvent> sorted = new ArrayList<>(live);
    sorted.sort(
        Comparator.comparing(LiveEvent::key, Comparator.nullsFirst(Comparator.naturalOrder())));
    YamlOut y = Header.start("event");
    Set<String> seen = new HashSet<>();
    int n = 0;
    for (LiveEvent e : sorted) {
      if (e.key() == null || !EVENT_KEY.matcher(e.key()).matches() || !seen.add(e.key())) {
        warnings.add(
            "event '"
                + e.key()
                + "' (uid "
                + e.uid()
                + ") not exported: its key is not a valid, unique spec key ([A-Za-z0-9_.-]+)");
        continue;
      }
      if (n++ > 0) y.raw("---");
      y.raw("kind: Event").field(0, "key", e.key(), "uid " + e.uid());
      description(y, e.description());
    }
    exported[0] = n;
    return n == 0 ? null : y.toString();
  }

  /** The description without cspctl's ownership marker; omitted when empty (the default). */
  static void description(YamlOut y, String live) {
    String d = Ownership.strip(live);
    if (!d.isEmpty()) y.field(0, "description", d, null);
  }
}
