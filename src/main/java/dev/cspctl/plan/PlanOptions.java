package dev.cspctl.plan;

import dev.cspctl.spec.ResourceKey;
import java.util.Set;

/**
 * @param prune delete managed resources that no spec declares
 * @param only when non-empty, restrict the plan to these resources and what they depend on
 * @param draftBesideActive a new version of an active experience is drafted beside the active one
 *     (no downtime); false pauses the active version first, for a service that refuses that
 */
public record PlanOptions(boolean prune, Set<ResourceKey> only, boolean draftBesideActive) {
  public PlanOptions {
    only = Set.copyOf(only);
  }

  public PlanOptions(boolean prune, Set<ResourceKey> only) {
    this(prune, only, true);
  }

  public static PlanOptions defaults() {
    return new PlanOptions(false, Set.of());
  }
}
