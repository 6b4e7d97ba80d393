package dev.cspctl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * Numbers in one canonical form, so that entry content compares by value: YAML gives {@code 12.5}
 * as a BigDecimal node, the API's JSON as a double node, and Jackson's {@code equals} tells them
 * apart, which made a float field differ forever.
 */
final class JsonNumbers {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private JsonNumbers() {}

  /** A copy of {@code n} with every number as a long when integral, else a double. */
  static JsonNode canonical(JsonNode n) {
    if (n == null) return null;
    if (n.isNumber()) return number(n);
    if (n.isObject()) {
      ObjectNode o = JSON.objectNode();
      n.fields().forEachRemaining(f -> o.set(f.getKey(), canonical(f.getValue())));
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = JSON.arrayNode();
      n.forEach(x -> a.add(canonical(x)));
      return a;
    }
    return n;
  }

  private static JsonNode number(JsonNode v) {
    if (v.isDouble() || v.isFloat()) {
      double d = v.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) return JSON.numberNode(d);
    }
    BigDecimal d = v.decimalValue().stripTrailingZeros();
    if (d.scale() <= 0
        && d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
        && d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
      return JSON.numberNode(d.longValueExact());
    }
    return JSON.numberNode(d.doubleValue());
  }
}
