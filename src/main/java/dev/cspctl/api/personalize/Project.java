package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.cspctl.api.http.Wire;

/** A Personalize project as {@code GET /projects} lists it (§4, §14). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Project(
    String uid, String name, String organizationUid, String connectedStackApiKey) {
  public Project {
    Wire.personalizeUid(uid, "uid");
  }
}
