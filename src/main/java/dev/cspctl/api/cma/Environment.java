package dev.cspctl.api.cma;

/** A publishing environment of the stack ({@code GET /v3/environments}). */
public record Environment(String uid, String name) {}
