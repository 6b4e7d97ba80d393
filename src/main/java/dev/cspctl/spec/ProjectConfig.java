package dev.cspctl.spec;

/**
 * {@code cspctl.yaml}. {@code project}, {@code stack}, {@code region} and {@code branch} may be
 * null here and come from the environment or flags instead.
 */
public record ProjectConfig(
    String project, String stack, String region, String branch, PublishSettings publish, boolean prune, Origin origin) {}
