package dev.cspctl.api.cma;

/** A base entry as listed by {@code GET /v3/content_types/{ct}/entries}: its uid and locale. */
public record CmsEntry(String uid, String locale) {}
