package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.api.http.Wire;
import dev.cspctl.api.http.WireFormatException;

/**
 * A Personalize audience (§2). {@code definition} is kept raw. Lytics-synced audiences have {@code
 * source:"LYTICS"}, a 32-hex uid and no definition.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RemoteAudience(
    String uid, String name, String description, JsonNode definition, String source, String slug) {
  public RemoteAudience {
    Wire.required(uid, "uid");
    if (!uid.matches("[0-9a-f]{24}|[0-9a-f]{32}")) {
      throw new WireFormatException(
          "field 'uid' is not an audience uid (24 or 32 hex): '" + uid + "'");
    }
    Wire.required(name, "name");
  }

  public boolean isLytics() {
    return "LYTICS".equalsIgnoreCase(source);
  }
}
