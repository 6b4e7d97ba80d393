package dev.cspctl.cli;

import dev.cspctl.plan.PlanOptions;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.Kind;
import dev.cspctl.spec.ResourceKey;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cspctl plan [DIR]}: read both APIs and print what apply would do. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Read the live project from both APIs and print the changes apply would make.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (with --detailed-exitcode: no changes)",
      "1:error",
      "2:changes present (--detailed-exitcode)"
    })
final class PlanCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "specs",
      paramLabel = "DIR",
      description = "Spec folder (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--out",
      paramLabel = "PLAN",
      description = "Save the plan (JSON, no secrets) for 'cspctl apply PLAN'.")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: text, markdown, json, gitlab or html (default: text).")
  OutputFormat format = OutputFormat.TEXT;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 2 when there are changes, 0 when there are none.")
  boolean detailedExitcode;

  @Option(
      names = "--only",
      paramLabel = "KIND/NAME",
      description = "Restrict the plan to this resource and what it depends on (repeatable).")
  List<String> only = List.of();

  @Option(names = "--prune", description = "Also delete managed resources that no spec declares.")
  boolean prune;

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
    PlanOptions options =
        new PlanOptions(
            Workspace.prune(prune, desired),
            only(desired),
            dev.cspctl.api.ApiAssumptions.draftBesideActive());
    try (Target target =
        Target.open(root.global, root.env(), desired.project(), Workspace.transport(), choice)) {
      Logging.configure(root.global);
      Workspace.Planned planned = Workspace.plan(target, desired, options);
      String commit = SavedPlan.commit(dir, root.env());
      spec.commandLine()
          .getOut()
          .print(
              format.render(
                  planned.plan(),
                  OutputFormat.color(root.env()),
                  title(choice),
                  target.identity().madeFor(commit)));
      spec.commandLine().getOut().flush();
      if (out != null) {
        SavedPlan.write(
            out,
            SavedPlan.create(
                planned,
                dir,
                target.identity(),
                commit,
                choice.name(),
                loaded.settings().map(dev.cspctl.spec.TargetSettings::owner).orElse(null)));
        String hint = target.identity().applyCommand(out.toString());
        if (choice.name() != null)
          hint =
              "cspctl apply --target "
                  + TargetIdentity.quote(choice.name())
                  + hint.substring("cspctl apply".length());
        spec.commandLine()
            .getErr()
            .println("Saved the plan to " + out + "; apply it with: " + hint);
      }
      return detailedExitcode && !planned.plan().isEmpty() ? 2 : 0;
    }
  }

  static String title(TargetChoice choice) {
    return "cspctl plan" + choice.label().map(n -> ": " + n).orElse("");
  }

  private Set<ResourceKey> only(DesiredState desired) {
    Set<ResourceKey> keys = new LinkedHashSet<>();
    for (String o : only) {
      int slash = o.indexOf('/');
      Kind kind = slash < 0 ? null : Kind.fromYamlName(o.substring(0, slash)).orElse(null);
      if (kind == null) {
        throw new UserException(
            "--only "
                + o
                + ": expected KIND/NAME with KIND one of "
                + String.join(", ", Kind.yamlNames()));
      }
      ResourceKey key = new ResourceKey(kind, o.substring(slash + 1));
      if (!desired.byKey().containsKey(key))
        throw new UserException("--only " + o + ": no such resource in the specs");
      keys.add(key);
    }
    return keys;
  }
}
