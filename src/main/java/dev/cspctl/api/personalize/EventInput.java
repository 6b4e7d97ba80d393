package dev.cspctl.api.personalize;

/** Body of POST/PUT /events. */
public record EventInput(String key, String description) {}
