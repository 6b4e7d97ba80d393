package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes an entry variant's {@code _change_set}: dotted paths of the sent fields that differ from
 * the base entry. Groups recurse ({@code cta.label}); multiple groups use the item's {@code
 * _metadata.uid} ({@code group.<uid>.field}); modular blocks use {@code
 * <field>.<block_type>.<uid>.<subfield>}.
 */
final class ChangeSet {
  private ChangeSet() {}

  static List<String> compute(JsonNode base, JsonNode variantFields) {
    List<String> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = variantFields.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      if (!EmulatorAssumptions.SYSTEM_FIELDS.contains(f.getKey())) {
        diff(f.getKey(), base == null ? null : base.get(f.getKey()), f.getValue(), out);
      }
    }
    return out;
  }

  private static void diff(String path, JsonNode b, JsonNode v, List<String> out) {
    if (v.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = v.fields();
      boolean baseObject = b != null && b.isObject();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!"_metadata".equals(f.getKey())) {
          diff(path + "." + f.getKey(), baseObject ? b.get(f.getKey()) : null, f.getValue(), out);
        }
      }
      return;
    }
    if (v.isArray() && keyed(v)) {
      Map<String, JsonNode> baseItems = index(b);
      for (JsonNode item : v) {
        String block = blockType(item);
        if (block != null) {
          JsonNode body = item.get(block);
          String uid = body.path("_metadata").path("uid").asText();
          JsonNode bi = baseItems.get(uid);
          diff(path + "." + block + "." + uid, bi == null ? null : bi.get(block), body, out);
        } else {
          String uid = item.path("_metadata").path("uid").asText();
          diff(path + "." + uid, baseItems.get(uid), item, out);
        }
      }
      return;
    }
    if (b == null ? !v.isNull() : !b.equals(v)) {
      out.add(path);
    }
  }

  /** Arrays whose items carry a _metadata.uid directly (groups) or under one block key. */
  private static boolean keyed(JsonNode arr) {
    if (arr.isEmpty()) {
      return false;
    }
    for (JsonNode item : arr) {
      if (!item.isObject() || (uid(item) == null && blockType(item) == null)) {
        return false;
      }
    }
    return true;
  }

  private static String uid(JsonNode item) {
    JsonNode u = item.path("_metadata").get("uid");
    return u != null && u.isTextual() ? u.asText() : null;
  }

  private static String blockType(JsonNode item) {
    if (item.size() != 1 || uid(item) != null) {
      return null;
    }
    String key = item.fieldNames().next();
    JsonNode body = item.get(key);
    return body.isObject() && uid(body) != null ? key : null;
  }

  private static Map<String, JsonNode> index(JsonNode b) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    if (b != null && b.isArray()) {
      for (JsonNode item : b) {
        String block = item.isObject() ? blockType(item) : null;
        String uid = block != null ? uid(item.get(block)) : uid(item);
        if (uid != null) {
          m.put(uid, item);
        }
      }
    }
    return m;
  }
}
