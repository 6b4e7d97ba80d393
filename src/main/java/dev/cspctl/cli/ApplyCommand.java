package dev.cspctl.cli;

import dev.cspctl.apply.Applier;
import dev.cspctl.apply.ApplyResult;
import dev.cspctl.apply.ProjectLock;
import dev.cspctl.apply.StagedApply;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cspctl apply [DIR | PLAN]}: make the live project match the specs (or run a saved plan).
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = "Apply the specs (plan, confirm, execute), or a plan saved with 'plan --out'.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done (or nothing to do)",
      "1:error, refused, or some steps failed (a summary says what was and was not done)"
    })
final class ApplyCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "specs",
      paramLabel = "DIR|PLAN",
      description = "Spec folder, or a saved plan file (.json) (default: ${DEFAULT-VALUE}).")
  Path input;

  @Option(
      names = "--auto-approve",
      description = "Do not ask for confirmation (required when not on a terminal).")
  boolean autoApprove;

  @Option(names = "--prune", description = "Also delete managed resources that no spec declares.")
  boolean prune;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description =
          "Steps run at once (default: ${DEFAULT-VALUE}); the rate limits bound the requests.")
  int parallelism = 8;

  @Mixin TargetOptions targetOptions;
  @Mixin VerboseOption verboseOption;
  @Mixin StacktraceOption stacktraceOption;

  @ParentCommand CspctlCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean color = OutputFormat.color(root.env());
    if (parallelism < 1) {
      throw new UserException(
          "--parallelism " + parallelism + ": expected a whole number of at least 1");
    }
    if (SavedPlan.looksLikePlan(input)) {
      if (prune) {
        throw new UserException(
            "--prune cannot change a saved plan: "
                + input
                + " runs exactly what it planned;"
                + " make the plan with 'cspctl plan --prune --out "
                + input
                + "'");
      }
      return applySaved(out, err, color);
    }
    TargetChoice choice = TargetChoice.of(root.global, root.env());
    Workspace.Loaded loaded = Workspace.load(input, choice, root);
    DesiredState desired = loaded.desired();
    PlanOptions options =
        new PlanOptions(
            Workspace.prune(prune, desired),
            java.util.Set.of(),
            dev.cspctl.api.ApiAssumptions.draftBesideActive());
    try (Target target =
        Target.open(root.global, root.env(), desired.project(), Workspace.transport(), choice)) {
      Logging.configure(root.global);
      // Every reference but entries checked before the lock: a bad one means no write at all.
      dev.cspctl.plan.ReferenceCheck.check(
          desired,
          new dev.cspctl.state.StateReader(target.clients().personalize(), target.clients().cma())
              .readReferencesOnly());
      try (Interruption interruption =
              Interruption.install(err, seconds("CSPCTL_STOP_GRACE_S", 10));
          ProjectLock lock = lock(target, err, interruption)) {
        if (autoApprove)
          return applyStaged(target, desired, options, color, out, err, interruption);
        Workspace.Planned planned = Workspace.plan(target, desired, options);
        out.print(new TextRenderer(color).render(planned.plan()));
        out.flush();
        if (planned.plan().isEmpty()) return 0;
        if (!confirm(out)) return 1;
        return execute(
            target,
            planned.plan(),
            planned.live(),
            desired.project().publish(),
            new StepFailureLine(desired),
            out,
            err,
            interruption);
      }
    }
  }

  /**
   * Without a confirmation to wait for, the writes that depend only on what has been read start
   * while the entry reads go on ({@link StagedApply}); the plan printed is the one applied.
   */
  private int applyStaged(
      Target target,
      DesiredState desired,
      PlanOptions options,
      boolean color,
      PrintWriter out,
      PrintWriter err,
      Interruption interruption) {
    dev.cspctl.state.StateReader.Staged staged =
        new dev.cspctl.state.StateReader(target.clients().personalize(), target.clients().cma())
            .readStaged(dev.cspctl.plan.ReadScopes.of(desired));
    HeldProgress held = new HeldProgress();
    ProgressPrinter[] printer = new ProgressPrinter[1];
    StagedApply.Outcome outcome;
    try {
      outcome =
          StagedApply.run(
              staged,
              live -> Workspace.plan(target, desired, options, live),
              applier(target, desired.project().publish()),
              interruption.executing(0, held),
              interruption.stop(),
              plan -> {
                interruption.planned(plan.steps().size());
                out.print(new TextRenderer(color).render(plan));
                if (!plan.isEmpty()) out.println();
                out.flush();
                printer[0] = new ProgressPrinter(out, Terminal.interactive(), plan.steps());
                held.release(printer[0]);
              });
    } finally {
      if (printer[0] != null) printer[0].close();
    }
    if (outcome.result() == null) return 0; // no changes
    if (outcome.plan() == null) {
      // the whole plan was never made: say exactly what the early steps did
      try (ProgressPrinter early =
          new ProgressPrinter(
              out,
              Terminal.interactive(),
              outcome.result().outcomes().stream().map(StepOutcome::step).toList())) {
        held.release(early);
      }
    }
    return report(outcome.plan(), outcome.result(), new StepFailureLine(desired), out, err);
  }

  private int applySaved(PrintWriter out, PrintWriter err, boolean color) {
    SavedPlan saved = SavedPlan.read(input);
    if (saved.appliedAt() != null) {
      throw new UserException(
          input + " was already applied at " + saved.appliedAt() + "; make a new plan");
    }
    // A saved plan names its target: apply goes there, and refuses a --target that says otherwise.
    TargetChoice asked = TargetChoice.of(root.global, root.env());
    TargetChoice choice = new TargetChoice(saved.targetName());
    if (asked.named() && !asked.name().equals(saved.targetName())) {
      throw new UserException(
          input
              + " was made for "
              + (saved.targetName() == null
                  ? "the default target"
                  : "target '" + saved.targetName() + "'")
              + ", not '"
              + asked.name()
              + "'; plan for that target with --target "
              + asked.name());
    }
    java.util.Map<String, String> env = new java.util.HashMap<>(root.env());
    if (saved.identity().sandbox() && saved.identity().sandboxState() != null) {
      env.putIfAbsent(
          Target.ENV_SANDBOX_STATE,
          saved.identity().sandboxState()); // the sandbox it was planned against
    }
    try (Target target =
        Target.open(root.global, env, saved.target(), Workspace.transport(), choice)) {
      Logging.configure(root.global);
      List<String> other = saved.identity().differences(target.identity());
      if (!other.isEmpty()) {
        throw new UserException(
            input
                + " was made for another target ("
                + String.join("; ", other)
                + "); nothing was changed. Apply it with the flags it was planned with: "
                + saved.identity().applyCommand(input.toString())
                + ", or make a new plan for this target");
      }
      try (Interruption interruption =
              Interruption.install(err, seconds("CSPCTL_STOP_GRACE_S", 10));
          ProjectLock lock = lock(target, err, interruption)) {
        return applySaved(target, saved, out, err, color, interruption);
      }
    }
  }

  /**
   * One apply at a time per project: the plan is read and run under the project lock, a short lease
   * this process renews (CSPCTL_LOCK_LEASE_S, default 60), released on every way out.
   */
  private ProjectLock lock(Target target, PrintWriter err, Interruption interruption) {
    ProjectLock.Lease lease = ProjectLock.Lease.of(seconds("CSPCTL_LOCK_LEASE_S", 60));
    WaitNotice[] notice = new WaitNotice[1];
    try {
      ProjectLock lock =
          ProjectLock.acquire(
              target.clients().personalize(),
              lease,
              seconds("CSPCTL_LOCK_WAIT_S", 600),
              interruption.stop(),
              root.env(),
              message -> {
                err.println(message);
                err.flush();
                if (notice[0] == null)
                  notice[0] =
                      new WaitNotice(err, "for the project lock", ProgressPrinter.WAIT_INTERVAL);
              });
      interruption.guard(lock);
      return lock;
    } finally {
      if (notice[0] != null) notice[0].close();
    }
  }

  private Duration seconds(String variable, long fallback) {
    String value = root.env().get(variable);
    try {
      long s = value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
      if (s < 0) throw new NumberFormatException();
      return Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      throw new UserException(
          variable + ": expected a whole number of seconds, found '" + value + "'");
    }
  }

  private int applySaved(
      Target target,
      SavedPlan saved,
      PrintWriter out,
      PrintWriter err,
      boolean color,
      Interruption interruption) {
    LiveState live = Workspace.read(target, saved.scope());
    List<String> changed =
        Fingerprints.differences(saved.fingerprints(), Fingerprints.ofLive(live));
    if (!changed.isEmpty()) {
      throw new UserException(
          "the live project changed since "
              + input
              + " was made ("
              + String.join("; ", changed)
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
    return execute(
        target,
        saved.plan(),
        live,
        saved.publish(),
        new StepFailureLine(null),
        out,
        err,
        interruption);
  }

  private boolean confirm(PrintWriter out) {
    if (autoApprove) return true;
    if (!Terminal.interactive()) {
      throw new UserException(
          "refusing to apply unattended: no terminal to ask for confirmation; pass --auto-approve");
    }
    out.print("\nDo you want to apply these changes? Only 'yes' is accepted: ");
    out.flush();
    try {
      String answer =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if ("yes".equals(answer == null ? null : answer.trim())) return true;
    } catch (java.io.IOException e) {
      // treated as "no"
    }
    out.println("Apply cancelled; nothing was changed.");
    return false;
  }

  private int execute(
      Target target,
      Plan plan,
      LiveState live,
      PublishSettings publish,
      StepFailureLine failures,
      PrintWriter out,
      PrintWriter err,
      Interruption interruption) {
    Applier applier = applier(target, publish);
    out.println();
    ApplyResult result;
    try (ProgressPrinter progress =
        new ProgressPrinter(out, Terminal.interactive(), plan.steps())) {
      result =
          applier.apply(
              plan,
              live,
              interruption.executing(plan.steps().size(), progress),
              interruption.stop());
    }
    return report(plan, result, failures, out, err);
  }

  private Applier applier(Target target, PublishSettings publish) {
    Duration cmsTimeout =
        Duration.ofSeconds(Long.parseLong(root.env().getOrDefault("CSPCTL_CMS_TIMEOUT_S", "120")));
    return new Applier(
        target.clients().personalize(), target.clients().cma(), publish, cmsTimeout, parallelism);
  }

  /** The failures, skips and summary of a run; {@code plan} is null if it was never made whole. */
  private static int report(
      Plan plan, ApplyResult result, StepFailureLine failures, PrintWriter out, PrintWriter err) {
    for (StepOutcome o : result.outcomes()) {
      if (o.status() == StepOutcome.Status.FAILED) {
        err.println(OneLine.of(failures.line(o.step(), o.message())));
      }
    }
    for (StepOutcome o : result.outcomes()) {
      if (o.status() == StepOutcome.Status.SKIPPED) {
        err.println("skipped: " + OneLine.of(o.step().description() + " (" + o.message() + ")"));
      }
    }
    out.println(result.summary());
    if (plan != null) out.println(ResourceSummary.of(plan, result).line());
    if (result.stopped()) {
      if (!Interruption.REASON.equals(result.stoppedBecause()))
        err.println("error: " + result.stoppedBecause());
      err.println(result.interruptedSummary() + "; re-run 'cspctl apply' to finish");
      err.flush();
      return 1;
    }
    if (!result.succeeded()) {
      err.println(
          "Some steps did not complete; the live project is partly updated. Re-run 'cspctl apply' to converge.");
      return 1;
    }
    return 0;
  }
}
