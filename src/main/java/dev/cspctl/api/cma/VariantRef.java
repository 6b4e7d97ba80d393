package dev.cspctl.api.cma;

/** A variant to publish: its CMS uid and (optionally) its entry-variant version. */
public record VariantRef(String uid, Integer version) {}
