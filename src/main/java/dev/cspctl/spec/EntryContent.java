package dev.cspctl.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The content of one entry variant: only {@code fields} are overridden in the base entry. Keyed by
 * (content type, entry uid, locale, variant).
 */
public record EntryContent(
    String contentType, String entry, String locale, JsonNode fields, Origin origin) {
  public EntryContent {
    fields = fields.deepCopy();
  }

  @Override
  public JsonNode fields() {
    return fields.deepCopy();
  }
}
