package dev.cspctl.visitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cspctl.spec.Visitor;
import java.time.Instant;

/**
 * Where a condition reads its value: a custom attribute by key, or a preset attribute of the
 * visitor.
 */
record ValueSource(String attributeKey, String preset) {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  static ValueSource attribute(String key) {
    return new ValueSource(key, null);
  }

  static ValueSource preset(String preset) {
    return new ValueSource(null, preset);
  }

  /** The visitor's value, or null when missing. */
  JsonNode read(Visitor v, Instant time) {
    if (attributeKey != null) return v.attributes().get(attributeKey);
    String text =
        switch (preset) {
          case "COUNTRY" -> v.country();
          case "REGION" -> v.region();
          case "CITY" -> v.city();
          case "DEVICE_TYPE" -> v.device();
          case "OPERATING_SYSTEM" -> v.os();
          case "QUERY_PARAMETERS" -> Assumptions.queryString(v.url());
          case "REFERRER" -> v.referrer();
          case "DATE_AND_TIME" -> time.toString();
          default -> null;
        };
    return text == null ? null : JSON.textNode(text);
  }

  /** How the trace names it: the attribute key, or the visitor field with its preset. */
  String display() {
    if (attributeKey != null) return attributeKey;
    return switch (preset) {
      case "COUNTRY" -> "country";
      case "REGION" -> "region";
      case "CITY" -> "city";
      case "DEVICE_TYPE" -> "device";
      case "OPERATING_SYSTEM" -> "os";
      case "QUERY_PARAMETERS" -> "the query string of url";
      case "REFERRER" -> "referrer";
      case "DATE_AND_TIME" -> "time";
      default -> preset;
    };
  }
}
