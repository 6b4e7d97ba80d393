package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cspctl.api.http.Wire;

/** A Personalize attribute as returned by the API (§3). {@code type} is CUSTOM or PRESET. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RemoteAttribute(
    String uid, String key, String name, String description, @JsonProperty("__type") String type) {
  public RemoteAttribute {
    Wire.personalizeUid(uid, "uid");
    Wire.required(name, "name");
  }
}
