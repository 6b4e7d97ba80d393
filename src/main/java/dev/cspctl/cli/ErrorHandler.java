package dev.cspctl.cli;

import dev.cspctl.spec.SpecError;
import dev.cspctl.spec.SpecException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The single place that turns an exception into what the user sees: one line per error on stderr
 * and exit 1; the stack trace only under {@code --stacktrace}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  static final int EXIT_ERROR = 1;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof SpecException spec) {
      for (SpecError e : spec.errors()) err.println("error: " + OneLine.of(e.format()));
      err.println(
          spec.errors().size() + (spec.errors().size() == 1 ? " error" : " errors") + " found.");
    } else if (ex instanceof UserException user) {
      err.println("error: " + OneLine.of(user.getMessage()));
    } else {
      String message =
          ex instanceof RuntimeException
                  && !(ex instanceof NullPointerException)
                  && ex.getMessage() != null
              ? firstLine(ex.getMessage())
              : "internal error in cspctl, please report it";
      err.println(
          "error: "
              + OneLine.of(message)
              + (stacktraceRequested(parseResult) ? "" : " (run with --stacktrace for details)"));
    }
    if (stacktraceRequested(parseResult)) ex.printStackTrace(err);
    err.flush();
    return EXIT_ERROR;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static boolean stacktraceRequested(ParseResult parseResult) {
    for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--stacktrace")) return true;
    }
    return false;
  }
}
