package dev.cspctl.plan;

import dev.cspctl.spec.ResourceKey;
import java.util.Set;

/**
 * How to plan.
 *
 * @param prune delete managed resources that no spec declares
 * @param only when non-empty, restrict the plan to these resources and what they depend on
 * @param ownership whose resources the plan manages (the marker it writes and recognises)
 * @param draftBesideActive a new version of an active experience is drafted beside the active one
 *     (no downtime); false pauses the active version first, for a service that refuses that
 */
public record PlanOptions(
    boolean prune, Set<ResourceKey> only, Ownership ownership, boolean draftBesideActive) {
  public PlanOptions {
    only = Set.copyOf(only);
    if (ownership == null) ownership = Ownership.ANY;
  }

  /** Any cspctl marker counts as managed; the marker of earlier versions is written (tests). */
  public PlanOptions(boolean prune, Set<ResourceKey> only) {
    this(prune, only, Ownership.ANY, true);
  }

  public PlanOptions(boolean prune, Set<ResourceKey> only, Ownership ownership) {
    this(prune, only, ownership, true);
  }

  public PlanOptions(boolean prune, Set<ResourceKey> only, boolean draftBesideActive) {
    this(prune, only, Ownership.ANY, draftBesideActive);
  }

  public static PlanOptions defaults() {
    return new PlanOptions(false, Set.of());
  }

  public PlanOptions withOwnership(Ownership o) {
    return new PlanOptions(prune, only, o, draftBesideActive);
  }
}
