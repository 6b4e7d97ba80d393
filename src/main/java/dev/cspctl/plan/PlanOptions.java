package dev.cspctl.plan;

import dev.cspctl.spec.ResourceKey;
import java.util.Set;

/**
 * @param prune delete managed resources that no spec declares
 * @param only when non-empty, restrict the plan to these resources and what they depend on
 * @param ownership whose resources the plan manages (the marker it writes and recognises)
 */
public record PlanOptions(boolean prune, Set<ResourceKey> only, Ownership ownership) {
  public PlanOptions {
    only = Set.copyOf(only);
    if (ownership == null) ownership = Ownership.ANY;
  }

  /** Any cspctl marker counts as managed; the marker of earlier versions is written (tests). */
  public PlanOptions(boolean prune, Set<ResourceKey> only) {
    this(prune, only, Ownership.ANY);
  }

  public static PlanOptions defaults() {
    return new PlanOptions(false, Set.of());
  }

  public PlanOptions withOwnership(Ownership o) {
    return new PlanOptions(prune, only, o);
  }
}
