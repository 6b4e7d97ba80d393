package dev.cspctl.spec;

/** An experience metric, by event key. */
public record Metric(String event, boolean primary) {}
