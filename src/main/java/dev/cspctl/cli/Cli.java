package dev.cspctl.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Builds the command line and runs it; the one place exit codes and error printing are decided. */
public final class Cli {
  private Cli() {}

  /** Runs cspctl with the given streams and environment; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    PrintWriter outWriter =
        new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter =
        new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    CommandLine cmd = create(env);
    cmd.setOut(outWriter);
    cmd.setErr(errWriter);
    ((CspctlCommand) cmd.getCommand()).global.notices = errWriter;
    try {
      return cmd.execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  static CommandLine create(Map<String, String> env) {
    CspctlCommand root = new CspctlCommand(env);
    CommandLine cmd = new CommandLine(root);
    cmd.setExecutionExceptionHandler(new ErrorHandler());
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    return cmd;
  }
}
