package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cspctl.api.ApiNames;
import dev.cspctl.spec.ExperienceType;
import java.util.List;

/**
 * Body of POST/PUT /experiences: {@code {name, description, __type, tags}}. Tags are not versioned
 * (§14); null leaves them out of the body.
 */
public record ExperienceInput(
    String name,
    String description,
    @JsonProperty("__type")
        @JsonSerialize(using = ApiNames.ExperienceTypeSerializer.class)
        @JsonDeserialize(using = ApiNames.ExperienceTypeDeserializer.class)
        ExperienceType type,
    List<String> tags) {
  public ExperienceInput(String name, String description, ExperienceType type) {
    this(name, description, type, null);
  }
}
