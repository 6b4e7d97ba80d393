package dev.cspctl.api.personalize;

/** Body of POST/PUT /attributes. */
public record AttributeInput(String name, String key, String description) {}
