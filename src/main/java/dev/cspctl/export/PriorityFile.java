package dev.cspctl.export;

import dev.cspctl.state.UidIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code priority.yaml}: the full live priority order, highest first, by experience name. Only
 * exported experiences can be named; one that was not exported is reported, since the order cspctl
 * then sends puts it after the listed ones.
 */
final class PriorityFile {
  private PriorityFile() {}

  /** The file text, or null when no exported experience is in the live order. */
  static String render(UidIndex lookup, Set<String> exportedNames, List<String> warnings) {
    Set<String> order = new LinkedHashSet<>();
    List<String> missing = new ArrayList<>();
    for (String uid : lookup.live().priorityOrder()) {
      String name = lookup.experienceName(uid).orElse(null);
      if (name != null && exportedNames.contains(name)) order.add(name);
      else missing.add(name == null ? "uid " + uid : "'" + name + "'");
    }
    for (String name : exportedNames) {
      if (!order.contains(name))
        warnings.add(
            "priority: experience '"
                + name
                + "' is not in the live priority order; it is left out of priority.yaml");
    }
    if (!missing.isEmpty()) {
      warnings.add(
          "priority: "
              + String.join(", ", missing)
              + " in the live priority order could not be named in priority.yaml"
              + " (not exported); cspctl keeps them after the listed experiences, so plan shows a priority change"
              + " if one of them is ranked above an exported experience now");
    }
    if (order.isEmpty()) return null;
    return Header.start("priority")
        .raw("kind: Priority")
        .comment(0, "Highest priority first.")
        .key(0, "order", null)
        .items(2, order)
        .toString();
  }
}
