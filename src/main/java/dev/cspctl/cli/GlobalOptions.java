package dev.cspctl.cli;

import java.io.OutputStreamWriter;
import java.nio.charset.Charset;

/**
 * The values of the options shared by several commands (../cli.md), kept on the root command. Each
 * command declares only the options that apply to it, through the mixins {@link TargetOptions},
 * {@link VerboseOption} and {@link StacktraceOption}, which write here: so {@code validate --help}
 * lists no target options and {@code emulator --help} no {@code --sandbox}.
 */
public final class GlobalOptions {
  boolean verbose;
  boolean stacktrace;
  boolean sandbox;
  String region;
  String personalizeUrl;
  String cmaUrl;

  String target;

  /** Where notices go (stderr; Cli.run sets the command's error writer). */
  java.io.PrintWriter notices =
      new java.io.PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);

  public boolean verbose() {
    return verbose;
  }

  public boolean stacktrace() {
    return stacktrace;
  }

  /**
   * The options of the root command of {@code spec}'s command line (a fresh holder outside cspctl,
   * e.g. in tests).
   */
  static GlobalOptions of(picocli.CommandLine.Model.CommandSpec spec) {
    if (spec != null && spec.root().userObject() instanceof CspctlCommand root) return root.global;
    return new GlobalOptions();
  }
}
