package dev.cspctl.cli;

import java.io.Console;

/** Whether cspctl talks to a person at a terminal (colour, live progress, the apply question). */
final class Terminal {
  private Terminal() {}

  /**
   * True when stdin and stdout are a terminal. Up to JDK 21 that is {@code System.console() !=
   * null}; from JDK 22 on a console exists without a terminal too, and {@code Console.isTerminal()}
   * (not in JDK 17, so called reflectively) tells.
   */
  @SuppressWarnings("SystemConsoleNull") // the one place that reads it, handling JDK 22+ below
  static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 17 to 21: a console is a terminal
    }
  }
}
