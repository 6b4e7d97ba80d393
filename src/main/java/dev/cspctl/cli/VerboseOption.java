package dev.cspctl.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code -v}: for commands that send HTTP requests. */
final class VerboseOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print one line per HTTP request (method, path, status, ms; secrets redacted).")
  void verbose(boolean value) {
    GlobalOptions.of(mixee).verbose = value;
  }
}
