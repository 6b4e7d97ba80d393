package dev.cspctl.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds the {@code fields} of a spec content entry from a live entry variant: exactly the paths
 * of its {@code _change_set}. A dotted path through nested groups ({@code cta.label}) becomes
 * nested mappings. A path that goes through a list (modular blocks {@code
 * sections.hero.<uid>.heading}, multiple groups {@code group.<uid>.title}) cannot be said as a
 * partial override, so its whole top-level field is taken, and reported.
 */
final class ChangeSetFields {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The fields, the top-level fields taken whole, and paths not found in the entry. */
  record Result(ObjectNode fields, Set<String> takenWhole, List<String> missing) {}

  private ChangeSetFields() {}

  static Result rebuild(JsonNode live, List<String> changeSet) {
    ObjectNode out = JSON.objectNode();
    Set<String> whole = new LinkedHashSet<>();
    List<String> missing = new ArrayList<>();
    for (String path : changeSet) {
      String[] segs = path.split("\\.", -1);
      String top = segs[0];
      if (whole.contains(top)) continue;
      JsonNode node = live;
      ObjectNode target = out;
      for (int i = 0; i < segs.length; i++) {
        JsonNode child = node != null && node.isObject() ? node.get(segs[i]) : null;
        if (child == null) {
          if (node != null && !node.isObject() && live.has(top)) {
            whole.add(top);
            out.set(top, live.get(top).deepCopy());
          } else {
            missing.add(path);
          }
          break;
        }
        if (i == segs.length - 1) {
          target.set(segs[i], child.deepCopy());
        } else if (child.isObject()) {
          JsonNode existing = target.get(segs[i]);
          if (existing != null && !existing.isObject()) break; // already taken whole above
          target = existing == null ? target.putObject(segs[i]) : (ObjectNode) existing;
        } else {
          whole.add(top);
          out.set(top, live.get(top).deepCopy());
          break;
        }
        node = child;
      }
    }
    return new Result(out, whole, missing);
  }
}
