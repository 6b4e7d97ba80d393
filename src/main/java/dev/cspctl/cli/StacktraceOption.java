package dev.cspctl.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --stacktrace}: on every command. */
final class StacktraceOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
  void stacktrace(boolean value) {
    GlobalOptions.of(mixee).stacktrace = value;
  }
}
