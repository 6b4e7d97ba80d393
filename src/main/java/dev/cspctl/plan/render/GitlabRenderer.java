package dev.cspctl.plan.render;

import dev.cspctl.plan.Plan;

/**
 * The counts GitLab's {@code artifacts:reports:terraform} reads, so the merge-request widget shows
 * them. Adoptions count as changes: they write the ownership marker.
 */
public final class GitlabRenderer {
  public String render(Plan plan) {
    Plan.Summary s = plan.summary();
    return "{\"create\":"
        + s.add()
        + ",\"update\":"
        + (s.change() + s.adopt())
        + ",\"delete\":"
        + s.delete()
        + "}\n";
  }
}
