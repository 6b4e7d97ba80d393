package dev.cspctl.plan;

import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.PublishSettings;
import dev.cspctl.spec.ResourceKey;
import java.util.List;
import java.util.Set;

/**
 * What every phase of planning reads and none writes: the desired state, the live state with its
 * lookups, the options, and the {@code --only} scope (null: everything).
 */
record PlanContext(
    DesiredState desired, LiveIndex index, PlanOptions options, Set<ResourceKey> scope) {
  Ownership ownership() {
    return options.ownership();
  }

  boolean inScope(ResourceKey key) {
    return scope == null || scope.contains(key);
  }

  /** Prune is on, and not restricted by {@code --only}. */
  boolean pruning() {
    return options.prune() && scope == null;
  }

  PublishSettings publishSettings() {
    return desired.project() == null
        ? new PublishSettings(List.of(), List.of(), PublishSettings.PublishMethod.BULK)
        : desired.project().publish();
  }
}
