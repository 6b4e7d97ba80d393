package dev.cspctl.api.cma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.http.Wire;
import dev.cspctl.api.http.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * An entry variant as returned by the CMA (§9): the raw entry object (fields kept as JSON) with
 * accessors for the server-set {@code _variant} block.
 */
public record EntryVariant(ObjectNode entry) {
  public EntryVariant {
    Wire.required(entry, "entry");
    JsonNode v = entry.get("_variant");
    if (v == null || !v.isObject()) {
      throw new WireFormatException("missing required field '_variant'");
    }
    Wire.required(v.path("_uid").isTextual() ? v.get("_uid").asText() : null, "_variant._uid");
  }

  public String variantUid() {
    return entry.get("_variant").get("_uid").asText();
  }

  public String entryUid() {
    return entry.path("uid").asText(null);
  }

  public String locale() {
    return entry.path("locale").asText(null);
  }

  public int version() {
    return entry.path("_version").asInt(0);
  }

  /**
   * Where this variant is published ({@code publish_details}, when read with {@code
   * include_publish_details}).
   */
  public List<PublishDetail> publishDetails() {
    List<PublishDetail> out = new ArrayList<>();
    JsonNode details = entry.path("publish_details");
    if (details.isObject())
      details =
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(details);
    details.forEach(
        d ->
            out.add(
                new PublishDetail(
                    d.path("environment").asText(),
                    d.path("locale").asText(locale()),
                    d.path("version").asInt(0))));
    return List.copyOf(out);
  }

  public List<String> changeSet() {
    List<String> out = new ArrayList<>();
    entry.get("_variant").path("_change_set").forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
