package dev.cspctl.spec;

import java.util.Map;

/**
 * One entry of {@code targets:} in cspctl.yaml (v1.1): a Personalize project and its stack,
 * selected with {@code --target NAME} or {@code CSPCTL_TARGET}. Null fields fall back to the
 * top-level settings. {@code entries} maps the entry uids the specs use to this stack's.
 *
 * <pre>
 * targets:
 *   eu:
 *     project: 65f0c0ffee0123456789abce
 *     stack: blt00000000000000eu
 *     region: eu
 *     publish: { environments: [production-eu] }
 *     owner: eu-web-team
 *     entries: { blt0123456789abcdef: blt0000000000eu0001 }
 * </pre>
 */
public record TargetSettings(
    String name,
    String project,
    String stack,
    String region,
    String branch,
    PublishSettings publish,
    String owner,
    Map<String, String> entries,
    Origin origin) {
  /** The name that selects the top-level settings themselves (as Terraform's default workspace). */
  public static final String DEFAULT = "default";

  public TargetSettings {
    entries = Map.copyOf(entries);
  }

  /** This target's settings over the top-level ones. */
  ProjectConfig over(ProjectConfig top) {
    return new ProjectConfig(
        first(project, top.project()),
        first(stack, top.stack()),
        first(region, top.region()),
        first(branch, top.branch()),
        publish == null ? top.publish() : publish,
        top.prune(),
        first(owner, top.owner()),
        top.origin(),
        top.variantLimit(),
        top.requireTestCoverage());
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
