package dev.cspctl.state;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A live audience. {@code definition} is the raw rule tree (null for Lytics audiences);
 * {@code source} is e.g. {@code LYTICS}, else null. {@code uid} is server-set.
 */
public record LiveAudience(String uid, String name, String description, JsonNode definition,
    String source) {}
