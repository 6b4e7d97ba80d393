package dev.cspctl.spec;

/**
 * {@code cspctl.yaml}. {@code project}, {@code stack}, {@code region} and {@code branch} may be
 * null here and come from the environment or flags instead.
 *
 * @param owner who owns what this folder manages, written in the ownership marker; null for
 *     the default ({@code dev.cspctl.plan.Ownership#DEFAULT_OWNER})
 */
public record ProjectConfig(
    String project, String stack, String region, String branch, PublishSettings publish, boolean prune, String owner,
    Origin origin) {
  public ProjectConfig(String project, String stack, String region, String branch, PublishSettings publish, boolean prune,
      Origin origin) {
    this(project, stack, region, branch, publish, prune, null, origin);
  }
}
