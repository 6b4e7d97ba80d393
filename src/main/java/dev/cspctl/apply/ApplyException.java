package dev.cspctl.apply;

/** A step could not do its work; the message names the resource and what went wrong. */
public final class ApplyException extends RuntimeException {
  public ApplyException(String message) {
    super(message);
  }

  public ApplyException(String message, Throwable cause) {
    super(message, cause);
  }
}
