package dev.cspctl.cli;

import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.plan.Ownership;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanOptions;
import dev.cspctl.plan.Planner;
import dev.cspctl.plan.ReadScopes;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.spec.TargetSettings;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.ReadScope;
import dev.cspctl.state.StateReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Loads specs, reads the live state a plan needs, and plans: the shared start of plan, apply and
 * drift.
 */
final class Workspace {
  private Workspace() {}

  record Planned(DesiredState desired, LiveState live, ReadScope scope, Plan plan) {}

  /**
   * A spec folder loaded for one target: the desired state, the targets cspctl.yaml declares, the
   * chosen one's settings.
   */
  record Loaded(DesiredState desired, Set<String> declared, Optional<TargetSettings> settings) {}

  static DesiredState load(Path dir) {
    return new SpecLoader().load(dir);
  }

  /**
   * Loads the specs for a command that talks to a target (plan, apply, drift): for the chosen
   * target, refusing a choice the folder does not declare or a missing one where it must be made.
   */
  static Loaded load(Path dir, TargetChoice choice, CspctlCommand root) {
    SpecLoader loader = new SpecLoader();
    DesiredState desired = loader.load(dir, choice.name());
    Loaded loaded = new Loaded(desired, loader.declaredTargets(), loader.selectedTarget());
    choice.requireChosen(
        loaded.declared(), desired.project(), Target.sandboxRequested(root.global, root.env()));
    return loaded;
  }

  /**
   * Whether a plan deletes managed resources no spec declares: --prune, or prune: in cspctl.yaml.
   */
  static boolean prune(boolean flag, DesiredState desired) {
    return flag || (desired.project() != null && desired.project().prune());
  }

  static LiveState read(Target target, ReadScope scope) {
    return new StateReader(target.clients().personalize(), target.clients().cma()).read(scope);
  }

  static Planned plan(Target target, DesiredState desired, PlanOptions options) {
    ReadScope scope = ReadScopes.of(desired);
    LiveState live = read(target, scope);
    return new Planned(desired, live, scope, plan(target, desired, options, live));
  }

  static Plan plan(Target target, DesiredState desired, PlanOptions options, LiveState live) {
    return new Planner().plan(desired, live, options.withOwnership(ownership(target, desired)));
  }

  /** Whose resources this folder manages in the target project: cspctl.yaml's owner there. */
  static Ownership ownership(Target target, DesiredState desired) {
    return Ownership.of(
        desired.project() == null ? null : desired.project().owner(), target.projectUid());
  }

  static TransportConfig transport() {
    return TransportConfig.defaults();
  }
}
