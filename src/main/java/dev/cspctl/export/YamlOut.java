package dev.cspctl.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small block-style YAML writer for spec files: two-space indentation, comments after values,
 * strings plain only when every YAML 1.1 and 1.2 reader sees the same string (else double-quoted,
 * JSON escapes being valid YAML), short lists of plain strings in flow style.
 */
final class YamlOut {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/.][A-Za-z0-9 _./@()+'?-]*");
  private static final Pattern NUMBER_LIKE =
      Pattern.compile(
          "[-+.]?[0-9][0-9_.eE+-]*|[-+]?0[xXoObB][0-9a-fA-F_]+|[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)");
  private static final Pattern DATE_LIKE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*");
  private static final Pattern RESERVED =
      Pattern.compile("(?i)true|false|yes|no|on|off|y|n|null|~");
  private static final int FLOW_WIDTH = 100;

  private final StringBuilder out = new StringBuilder();

  /** A comment line (or several) at the given indentation. */
  YamlOut comment(int indent, String text) {
    for (String l : text.split("\n", -1))
      out.append(pad(indent)).append("# ").append(l).append('\n');
    return this;
  }

  YamlOut blank() {
    out.append('\n');
    return this;
  }

  /** {@code key: value # comment}, nested values in block style below the key. */
  YamlOut field(int indent, String key, JsonNode value, String comment) {
    return field(pad(indent), indent, key, value, comment);
  }

  YamlOut field(int indent, String key, String value, String comment) {
    return field(indent, key, JSON.getNodeFactory().textNode(value), comment);
  }

  /** The first field of a sequence item: {@code - key: value}; later fields use indent + 2. */
  YamlOut itemField(int dashIndent, String key, JsonNode value, String comment) {
    return field(pad(dashIndent) + "- ", dashIndent + 2, key, value, comment);
  }

  YamlOut itemField(int dashIndent, String key, String value, String comment) {
    return itemField(dashIndent, key, JSON.getNodeFactory().textNode(value), comment);
  }

  /** {@code - value # comment} for a scalar item. */
  YamlOut item(int dashIndent, JsonNode value, String comment) {
    if (inline(value) != null) return line(pad(dashIndent) + "- " + inline(value), comment);
    if (value.isObject()) {
      mapping(dashIndent, (ObjectNode) value, true);
    } else {
      line(pad(dashIndent) + "-", comment);
      sequence(dashIndent + 2, (ArrayNode) value);
    }
    return this;
  }

  /** Block-style string items, one per line. */
  YamlOut items(int dashIndent, java.util.Collection<String> values) {
    for (String v : values) item(dashIndent, JSON.getNodeFactory().textNode(v), null);
    return this;
  }

  /** A key with nothing inline: its block follows ({@code variants:}). */
  YamlOut key(int indent, String key, String comment) {
    return line(pad(indent) + key(key) + ":", comment);
  }

  /** Raw text (e.g. {@code ---}). */
  YamlOut raw(String line) {
    out.append(line).append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private YamlOut field(String prefix, int column, String key, JsonNode value, String comment) {
    String inline = inline(value);
    if (inline != null) return line(prefix + key(key) + ": " + inline, comment);
    line(prefix + key(key) + ":", comment);
    if (value.isObject()) mapping(column + 2, (ObjectNode) value, false);
    else sequence(column + 2, (ArrayNode) value);
    return this;
  }

  private void mapping(int column, ObjectNode o, boolean dashed) {
    int keyColumn = dashed ? column + 2 : column;
    boolean first = true;
    Iterator<Map.Entry<String, JsonNode>> it = o.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      String prefix = dashed && first ? pad(column) + "- " : pad(keyColumn);
      field(prefix, keyColumn, f.getKey(), f.getValue(), null);
      first = false;
    }
  }

  private void sequence(int column, ArrayNode a) {
    for (JsonNode item : a) item(column, item, null);
  }

  private YamlOut line(String text, String comment) {
    out.append(text);
    if (comment != null && !comment.isBlank())
      out.append("  # ").append(comment.replace('\n', ' '));
    out.append('\n');
    return this;
  }

  /** The one-line form of a value, or null when it needs a block. */
  static String inline(JsonNode v) {
    if (v == null || v.isNull()) return "null";
    if (v.isTextual()) return string(v.asText());
    if (v.isBoolean()) return v.asText();
    if (v.isNumber()) return number(v);
    if (v.isEmpty()) return v.isArray() ? "[]" : "{}";
    if (v.isArray()) return flow((ArrayNode) v);
    return null;
  }

  /** {@code [a, b]} when every item is a plain scalar and the line stays short; else null. */
  static String flow(ArrayNode a) {
    StringBuilder s = new StringBuilder("[");
    for (JsonNode item : a) {
      if (!(item.isTextual() && plain(item.asText())) && !item.isNumber() && !item.isBoolean())
        return null;
      if (s.length() > 1) s.append(", ");
      s.append(inline(item));
    }
    s.append(']');
    return s.length() <= FLOW_WIDTH ? s.toString() : null;
  }

  static ArrayNode strings(java.util.Collection<String> values) {
    ArrayNode a = JSON.createArrayNode();
    values.forEach(a::add);
    return a;
  }

  static String key(String k) {
    return plain(k) ? k : quoted(k);
  }

  static String string(String s) {
    return plain(s) ? s : quoted(s);
  }

  static boolean plain(String s) {
    return !s.isEmpty()
        && PLAIN.matcher(s).matches()
        && !s.endsWith(" ")
        && !s.contains("  ")
        && !NUMBER_LIKE.matcher(s).matches()
        && !DATE_LIKE.matcher(s).matches()
        && !RESERVED.matcher(s).matches();
  }

  private static String quoted(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String number(JsonNode v) {
    if (v.isIntegralNumber()) return v.bigIntegerValue().toString();
    if (v.isDouble() || v.isFloat()) {
      double d = v.doubleValue();
      if (Double.isNaN(d)) return ".nan";
      if (Double.isInfinite(d)) return d > 0 ? ".inf" : "-.inf";
    }
    String text = v.decimalValue().toString();
    return text.contains(".") || text.contains("E") ? text : text + ".0";
  }

  private static String pad(int n) {
    return " ".repeat(n);
  }
}
