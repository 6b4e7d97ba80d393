package dev.cspctl.state;

/** A live custom attribute; {@code uid} is server-set. */
public record LiveAttribute(String uid, String key, String name, String description) {}
