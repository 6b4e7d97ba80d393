package dev.cspctl.cli;

import dev.cspctl.plan.PlanOptions;
import dev.cspctl.spec.DesiredState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cspctl drift [DIR]}: the plan without prune, for schedules. */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description =
        "Report anything in the live project that differs from the specs (a plan without --prune).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:in sync", "1:error", "2:drift found"})
final class DriftCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "specs",
      paramLabel = "DIR",
      description = "Spec folder (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: text, markdown, json, gitlab or html (default: text).")
  OutputFormat format = OutputFormat.TEXT;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Also write the report to FILE, in the chosen format.")
  Path report;

  @Mixin TargetOptions targetOptions;
  @Mixin VerboseOption verboseOption;
  @Mixin StacktraceOption stacktraceOption;

  @ParentCommand CspctlCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    TargetChoice choice = TargetChoice.of(root.global, root.env());
    Workspace.Loaded loaded = Workspace.load(dir, choice, root);
    DesiredState desired = loaded.desired();
    try (Target target =
        Target.open(root.global, root.env(), desired.project(), Workspace.transport(), choice)) {
      Logging.configure(root.global);
      Workspace.Planned planned =
          Workspace.plan(
              target,
              desired,
              new PlanOptions(false, Set.of(), dev.cspctl.api.ApiAssumptions.draftBesideActive()));
      String rendered =
          format.render(
              planned.plan(),
              OutputFormat.color(root.env()),
              "cspctl drift" + choice.label().map(n -> ": " + n).orElse(""),
              target.identity().madeFor(SavedPlan.commit(dir, root.env())));
      spec.commandLine().getOut().print(rendered);
      if (report != null) {
        try {
          Path parent = report.toAbsolutePath().getParent();
          Files.createDirectories(parent);
          Files.writeString(
              report,
              format == OutputFormat.TEXT ? format.render(planned.plan(), false) : rendered);
        } catch (IOException e) {
          throw new UserException(
              "cannot write the drift report " + report + ": " + e.getMessage());
        }
      }
      spec.commandLine().getOut().flush();
      var messages = format.machine() ? spec.commandLine().getErr() : spec.commandLine().getOut();
      messages.println(planned.plan().isEmpty() ? "In sync." : "Drift found.");
      return planned.plan().isEmpty() ? 0 : 2;
    }
  }
}
