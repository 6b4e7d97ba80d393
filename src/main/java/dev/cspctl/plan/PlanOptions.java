package dev.cspctl.plan;

import dev.cspctl.spec.ResourceKey;
import java.util.Set;

/**
 * @param prune delete managed resources that no spec declares
 * @param only when non-empty, restrict the plan to these resources and what they depend on
 */
public record PlanOptions(boolean prune, Set<ResourceKey> only) {
  public PlanOptions {
    only = Set.copyOf(only);
  }

  public static PlanOptions defaults() {
    return new PlanOptions(false, Set.of());
  }
}
