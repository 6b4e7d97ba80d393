package dev.cspctl.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cspctl}: the root command; the verbs are its subcommands. */
@Command(
    name = "cspctl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Contentstack Personalize as code: validate, plan and apply YAML specs.",
    subcommands = {
      ValidateCommand.class,
      TestCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      DriftCommand.class,
      ExportCommand.class,
      ShowCommand.class,
      CommentCommand.class,
      EmulatorCommand.class,
      ForceUnlockCommand.class,
      InitCommand.class,
      VersionCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    usageHelpAutoWidth = true)
public final class CspctlCommand implements Runnable {
  private final Map<String, String> env;

  final GlobalOptions global = new GlobalOptions();

  @Mixin StacktraceOption stacktrace;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  CspctlCommand(Map<String, String> env) {
    this.env = env;
  }

  Map<String, String> env() {
    return env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
