package dev.cspctl.cli;

import dev.cspctl.apply.ApplyResult;
import dev.cspctl.apply.Applier;
import dev.cspctl.apply.ProjectLock;
import dev.cspctl.apply.StepOutcome;
import dev.cspctl.plan.Fingerprints;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanOptions;
import dev.cspctl.plan.render.TextRenderer;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.PublishSettings;
import dev.cspctl.state.LiveState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cspctl apply [DIR | PLAN]}: make the live project match the specs (or run a saved plan). */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = "Apply the specs (plan, confirm, execute), or a plan saved with 'plan --out'.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done (or nothing to do)", "1:error, refused, or some steps failed (a summary says what was and was not done)"})
final class ApplyCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", defaultValue = "specs", paramLabel = "DIR|PLAN",
      description = "Spec folder, or a saved plan file (.json). Default: ${DEFAULT-VALUE}.")
  Path input;

  @Option(names = "--auto-approve", description = "Do not ask for confirmation (required when not on a terminal).")
  boolean autoApprove;

  @Option(names = "--prune", description = "Also delete managed resources that no spec declares.")
  boolean prune;

  @Option(names = "--parallelism", paramLabel = "N", description = "Steps run at once (default: ${DEFAULT-VALUE}); the rate limits bound the requests.")
  int parallelism = 8;

  @ParentCommand CspctlCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean color = OutputFormat.color(root.env());
    if (SavedPlan.looksLikePlan(input)) return applySaved(out, err, color);
    DesiredState desired = Workspace.load(input);
    PlanOptions options = new PlanOptions(prune || (desired.project() != null && desired.project().prune()), java.util.Set.of());
    try (Target target = Target.open(root.global, root.env(), desired.project(), Workspace.transport())) {
      Logging.configure(root.global);
      try (ProjectLock lock = lock(target, err)) {
        Workspace.Planned planned = Workspace.plan(target, desired, options);
        out.print(new TextRenderer(color).render(planned.plan()));
        out.flush();
        if (planned.plan().isEmpty()) return 0;
        if (!confirm(out)) return 1;
        return execute(target, planned.plan(), planned.live(), desired.project().publish(), new StepFailureLine(desired), out, err);
      }
    }
  }

  private int applySaved(PrintWriter out, PrintWriter err, boolean color) {
    SavedPlan saved = SavedPlan.read(input);
    if (saved.appliedAt() != null) {
      throw new UserException(input + " was already applied at " + saved.appliedAt() + "; make a new plan");
    }
    try (Target target = Target.open(root.global, root.env(), saved.target(), Workspace.transport())) {
      Logging.configure(root.global);
      try (ProjectLock lock = lock(target, err)) {
        return applySaved(target, saved, out, err, color);
      }
    }
  }

  /** One apply at a time per project: the plan is read and run under the project lock. */
  private ProjectLock lock(Target target, PrintWriter err) {
    Duration wait = Duration.ofSeconds(Long.parseLong(root.env().getOrDefault("CSPCTL_LOCK_WAIT_S", "600")));
    return ProjectLock.acquire(target.clients().personalize(), Duration.ofMinutes(30), wait, message -> {
      err.println(message);
      err.flush();
    });
  }

  private int applySaved(Target target, SavedPlan saved, PrintWriter out, PrintWriter err, boolean color) {
    LiveState live = Workspace.read(target, saved.scope());
    List<String> changed = Fingerprints.differences(saved.fingerprints(), Fingerprints.ofLive(live));
    if (!changed.isEmpty()) {
      throw new UserException("the live project changed since " + input + " was made (" + String.join("; ", changed)
          + "); run 'cspctl plan' again");
    }
    out.print(new TextRenderer(color).render(saved.plan()));
    out.flush();
    if (saved.plan().isEmpty()) {
      saved.markApplied(input);
      return 0;
    }
    if (!confirm(out)) return 1;
    saved.markApplied(input);
    return execute(target, saved.plan(), live, saved.publish(), new StepFailureLine(null), out, err);
  }

  private boolean confirm(PrintWriter out) {
    if (autoApprove) return true;
    if (System.console() == null) {
      throw new UserException("refusing to apply unattended: no terminal to ask for confirmation; pass --auto-approve");
    }
    out.print("\nDo you want to apply these changes? Only 'yes' is accepted: ");
    out.flush();
    try {
      String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if ("yes".equals(answer == null ? null : answer.trim())) return true;
    } catch (java.io.IOException e) {
      // treated as "no"
    }
    out.println("Apply cancelled; nothing was changed.");
    return false;
  }

  private int execute(Target target, Plan plan, LiveState live, PublishSettings publish, StepFailureLine failures,
      PrintWriter out, PrintWriter err) {
    Duration cmsTimeout = Duration.ofSeconds(Long.parseLong(root.env().getOrDefault("CSPCTL_CMS_TIMEOUT_S", "120")));
    Applier applier = new Applier(target.clients().personalize(), target.clients().cma(), publish, cmsTimeout, parallelism);
    out.println();
    ApplyResult result = applier.apply(plan, live, new ProgressPrinter(out, System.console() != null));
    for (StepOutcome o : result.outcomes()) {
      if (o.status() == StepOutcome.Status.FAILED) err.println(failures.line(o.step(), o.message()));
    }
    for (StepOutcome o : result.outcomes()) {
      if (o.status() == StepOutcome.Status.SKIPPED) err.println("skipped: " + o.step().description() + " (" + o.message() + ")");
    }
    out.println(result.summary());
    if (!result.succeeded()) {
      err.println("Some steps did not complete; the live project is partly updated. Re-run 'cspctl apply' to converge.");
      return 1;
    }
    return 0;
  }
}
