package dev.cspctl.state;

/** A live event; {@code uid} is server-set. */
public record LiveEvent(String uid, String key, String description) {}
