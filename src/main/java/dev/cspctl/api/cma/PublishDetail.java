package dev.cspctl.api.cma;

/**
 * One item of an entry variant's {@code publish_details}: the version published to an environment
 * (its uid, as the CMA gives it) in a locale.
 */
public record PublishDetail(String environment, String locale, int version) {}
