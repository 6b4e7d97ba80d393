package dev.cspctl.spec;

/**
 * {@code cspctl.yaml}. {@code project}, {@code stack}, {@code region} and {@code branch} may be
 * null here and come from the environment or flags instead.
 *
 * @param owner who owns what this folder manages, written in the ownership marker; null for the
 *     default ({@code dev.cspctl.plan.Ownership#DEFAULT_OWNER})
 * @param variantLimit {@code delivery.variantLimit} (v1.1): variants a delivery request applies
 * @param requireTestCoverage {@code visitorTests.requireCoverage} (v1.1)
 */
public record ProjectConfig(
    String project,
    String stack,
    String region,
    String branch,
    PublishSettings publish,
    boolean prune,
    String owner,
    Origin origin,
    int variantLimit,
    boolean requireTestCoverage) {
  /** The CDA applies three variants per request unless told otherwise (contentstack-api.md §14). */
  public static final int DEFAULT_VARIANT_LIMIT = 3;

  public ProjectConfig(
      String project,
      String stack,
      String region,
      String branch,
      PublishSettings publish,
      boolean prune,
      String owner,
      Origin origin) {
    this(
        project,
        stack,
        region,
        branch,
        publish,
        prune,
        owner,
        origin,
        DEFAULT_VARIANT_LIMIT,
        false);
  }

  public ProjectConfig(
      String project,
      String stack,
      String region,
      String branch,
      PublishSettings publish,
      boolean prune,
      Origin origin,
      int variantLimit,
      boolean requireTestCoverage) {
    this(
        project,
        stack,
        region,
        branch,
        publish,
        prune,
        null,
        origin,
        variantLimit,
        requireTestCoverage);
  }

  public ProjectConfig(
      String project,
      String stack,
      String region,
      String branch,
      PublishSettings publish,
      boolean prune,
      Origin origin) {
    this(
        project, stack, region, branch, publish, prune, null, origin, DEFAULT_VARIANT_LIMIT, false);
  }
}
