package dev.cspctl.cli;

import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.plan.Ownership;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanOptions;
import dev.cspctl.plan.Planner;
import dev.cspctl.plan.ReadScopes;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.ReadScope;
import dev.cspctl.state.StateReader;
import java.nio.file.Path;

/** Loads specs, reads the live state a plan needs, and plans: the shared start of plan, apply and drift. */
final class Workspace {
  private Workspace() {}

  record Planned(DesiredState desired, LiveState live, ReadScope scope, Plan plan) {}

  static DesiredState load(Path dir) {
    return new SpecLoader().load(dir);
  }

  static LiveState read(Target target, ReadScope scope) {
    return new StateReader(target.clients().personalize(), target.clients().cma()).read(scope);
  }

  static Planned plan(Target target, DesiredState desired, PlanOptions options) {
    ReadScope scope = ReadScopes.of(desired);
    LiveState live = read(target, scope);
    return new Planned(desired, live, scope, new Planner().plan(desired, live, options.withOwnership(ownership(target, desired))));
  }

  /** Whose resources this folder manages in the target project: cspctl.yaml's owner there. */
  static Ownership ownership(Target target, DesiredState desired) {
    return Ownership.of(desired.project() == null ? null : desired.project().owner(), target.projectUid());
  }

  static TransportConfig transport() {
    return TransportConfig.defaults();
  }
}
