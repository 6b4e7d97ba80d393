package dev.cspctl.cli;

/** Entry point of the cspctl jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(args, System.out, System.err, System.getenv()));
  }
}
