package dev.cspctl.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a delivery request knows about one visitor (spec-format.md, "Visitor tests"). A null field
 * is a missing value; a null {@code time} means "now" to the evaluator.
 *
 * <pre>
 * attributes: {loyalty_tier: gold, orders: 7}
 * country: US
 * device: MOBILE
 * url: https://shop.example.com/?utm_campaign=spring
 * time: 2026-12-24T10:00:00Z
 * lyticsAudiences: [0123456789abcdef0123456789abcdef]
 * </pre>
 *
 * @param attributes custom attribute values by key: text, numbers or booleans
 */
public record Visitor(
    Map<String, JsonNode> attributes,
    String country,
    String region,
    String city,
    String device,
    String os,
    String url,
    String referrer,
    Instant time,
    List<String> lyticsAudiences) {

  public static final Visitor ANONYMOUS =
      new Visitor(Map.of(), null, null, null, null, null, null, null, null, List.of());

  public Visitor {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    attributes.forEach((k, v) -> copy.put(k, v.deepCopy()));
    attributes = Collections.unmodifiableMap(copy);
    lyticsAudiences = List.copyOf(lyticsAudiences);
  }
}
