package dev.cspctl.api.personalize;

import com.fasterxml.jackson.databind.JsonNode;

/** Body of POST/PUT /audiences; {@code definition} is the raw RuleCombination tree. */
public record AudienceInput(String name, String description, JsonNode definition) {}
