package dev.cspctl.api.cma;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.ApiAssumptions;
import java.util.List;

/** One {@code POST /v3/bulk/publish} request, within the 10×10×10 limits (§10). */
public record BulkPublishRequest(
    List<BulkEntry> entries, List<String> locales, List<String> environments) {
  public BulkPublishRequest {
    entries = List.copyOf(entries);
    locales = List.copyOf(locales);
    environments = List.copyOf(environments);
    if (entries.isEmpty() || locales.isEmpty() || environments.isEmpty()) {
      throw new IllegalArgumentException("bulk publish needs entries, locales and environments");
    }
    if (entries.size() > ApiAssumptions.BULK_MAX_ENTRIES
        || locales.size() > ApiAssumptions.BULK_MAX_LOCALES
        || environments.size() > ApiAssumptions.BULK_MAX_ENVIRONMENTS) {
      throw new IllegalArgumentException(
          "bulk publish request exceeds "
              + ApiAssumptions.BULK_MAX_ENTRIES
              + " entries x "
              + ApiAssumptions.BULK_MAX_LOCALES
              + " locales x "
              + ApiAssumptions.BULK_MAX_ENVIRONMENTS
              + " environments; use"
              + " BulkPublishBatcher");
    }
  }

  public boolean hasVariants() {
    return entries.stream().anyMatch(e -> !e.variants().isEmpty());
  }

  /** The JSON body; how variants are carried is {@link ApiAssumptions#BULK_VARIANT_FORMAT}. */
  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode body = mapper.createObjectNode();
    ArrayNode items = body.putArray("entries");
    for (BulkEntry e : entries) {
      if (ApiAssumptions.BULK_VARIANT_FORMAT == ApiAssumptions.BulkVariantFormat.VARIANT_UID_FIELD
          && !e.variants().isEmpty()) {
        for (VariantRef v : e.variants()) {
          item(items, e).put("variant_uid", v.uid());
        }
        continue;
      }
      ObjectNode item = item(items, e);
      if (!e.variants().isEmpty()) {
        ArrayNode vs = item.putArray("variants");
        for (VariantRef v : e.variants()) {
          ObjectNode vn = vs.addObject().put("uid", v.uid());
          if (v.version() != null) {
            vn.put("version", v.version());
          }
        }
      }
    }
    locales.forEach(body.putArray("locales")::add);
    environments.forEach(body.putArray("environments")::add);
    body.put("publish_with_reference", true);
    return body;
  }

  private static ObjectNode item(ArrayNode items, BulkEntry e) {
    ObjectNode item = items.addObject().put("uid", e.uid()).put("content_type", e.contentType());
    if (e.version() != null) {
      item.put("version", e.version());
    }
    item.put("locale", e.locale());
    return item;
  }
}
