package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.cspctl.api.http.Wire;

/** A Personalize event as returned by the API (§3); {@code name} may be absent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RemoteEvent(String uid, String key, String description, String name) {
  public RemoteEvent {
    Wire.personalizeUid(uid, "uid");
    Wire.required(key, "key");
  }
}
