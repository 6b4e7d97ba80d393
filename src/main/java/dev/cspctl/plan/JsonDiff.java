package dev.cspctl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field-level differences between two managed views. Lists of named items (variants) and of entry
 * content are matched by name / (content type, entry, locale), so a change reads {@code
 * variants[Premium].audiences} rather than an index.
 */
final class JsonDiff {
  private JsonDiff() {}

  static List<FieldDiff> diff(JsonNode before, JsonNode after) {
    List<FieldDiff> out = new ArrayList<>();
    walk("", before, after, out);
    return out;
  }

  private static void walk(String path, JsonNode b, JsonNode a, List<FieldDiff> out) {
    boolean bAbsent = b == null || b.isMissingNode() || b.isNull();
    boolean aAbsent = a == null || a.isMissingNode() || a.isNull();
    if (bAbsent && aAbsent) return;
    if (!bAbsent && !aAbsent && b.isObject() && a.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String n : names) walk(join(path, n), b.get(n), a.get(n), out);
      return;
    }
    if (!bAbsent && !aAbsent && b.isArray() && a.isArray() && keyed(a) && keyed(b)) {
      Map<String, JsonNode> bm = byKey(b);
      Map<String, JsonNode> am = byKey(a);
      Set<String> keys = new LinkedHashSet<>(am.keySet());
      keys.addAll(bm.keySet());
      for (String k : keys) walk(path + "[" + k + "]", bm.get(k), am.get(k), out);
      if (bm.keySet().equals(am.keySet())
          && !new ArrayList<>(bm.keySet()).equals(new ArrayList<>(am.keySet()))) {
        out.add(new FieldDiff(path + " (order)", keysNode(bm), keysNode(am)));
      }
      return;
    }
    if (bAbsent || aAbsent || !b.equals(a))
      out.add(new FieldDiff(path, bAbsent ? null : b, aAbsent ? null : a));
  }

  private static JsonNode keysNode(Map<String, JsonNode> m) {
    var arr = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    m.keySet().forEach(arr::add);
    return arr;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static boolean keyed(JsonNode array) {
    if (array.isEmpty()) return true;
    for (JsonNode n : array) if (key(n) == null) return false;
    return true;
  }

  private static String key(JsonNode n) {
    if (!n.isObject()) return null;
    if (n.has("contentType") && n.has("entry")) {
      return n.path("contentType").asText()
          + "/"
          + n.path("entry").asText()
          + "/"
          + n.path("locale").asText();
    }
    if (n.has("name") && n.get("name").isTextual()) return n.get("name").asText();
    return null;
  }

  private static Map<String, JsonNode> byKey(JsonNode array) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      JsonNode n = it.next();
      m.put(key(n), n);
    }
    return m;
  }
}
