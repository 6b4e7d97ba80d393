package dev.cspctl.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts (../cli.md): target selection, verbosity and error detail.
 * Inherited by the subcommands, so {@code cspctl validate --stacktrace} works.
 */
public final class GlobalOptions {
  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Print one line per HTTP request (method, path, status, ms; secrets redacted).")
  boolean verbose;

  @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
  boolean stacktrace;

  @Option(names = "--sandbox", scope = ScopeType.INHERIT,
      description = "Use the embedded local emulator (state in .cspctl/sandbox.json). Env: CSPCTL_SANDBOX=1.")
  boolean sandbox;

  @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
      description = "na, eu, au, azure-na, azure-eu, gcp-na or gcp-eu. Env: CONTENTSTACK_REGION.")
  String region;

  @Option(names = "--personalize-url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Personalize base URL (overrides the region). Env: CSPCTL_PERSONALIZE_URL.")
  String personalizeUrl;

  @Option(names = "--cma-url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "CMA base URL (overrides the region). Env: CSPCTL_CMA_URL.")
  String cmaUrl;

  /** Where notices go (stderr; Cli.run sets the command's error writer). */
  java.io.PrintWriter notices = new java.io.PrintWriter(System.err, true);

  public boolean verbose() {
    return verbose;
  }

  public boolean stacktrace() {
    return stacktrace;
  }
}
