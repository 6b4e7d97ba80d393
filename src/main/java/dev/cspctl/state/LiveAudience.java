package dev.cspctl.state;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A live audience. {@code definition} is the rule tree as the API holds it (null for Lytics
 * audiences; read it with {@code api.personalize.AudienceRuleCodec}). {@code uid} is server-set.
 */
public record LiveAudience(
    String uid, String name, String description, JsonNode definition, AudienceSource source) {
  public LiveAudience {
    source = source == null ? AudienceSource.PERSONALIZE : source;
  }

  public boolean lytics() {
    return source == AudienceSource.LYTICS;
  }
}
