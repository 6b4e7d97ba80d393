package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of POST/PUT /experiences: {@code {name, description, __type}}. */
public record ExperienceInput(
    String name, String description, @JsonProperty("__type") ExperienceType type) {}
