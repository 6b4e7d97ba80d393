package dev.cspctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cspctl version}: the same line as {@code cspctl --version}. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Print the version of cspctl.")
final class VersionCommand implements Callable<Integer> {
  @Mixin StacktraceOption stacktrace;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    for (String line : new VersionProvider().getVersion())
      spec.commandLine().getOut().println(line);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
