package dev.cspctl.emulator;

/** A state file could not be read or written; the message names the file. */
public final class EmulatorStateException extends RuntimeException {
  public EmulatorStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
