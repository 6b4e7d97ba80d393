package dev.cspctl.api.http;

/**
 * Thrown by wire-model constructors when a reply lacks a required field or has a value of the wrong
 * shape; {@link JsonCodec} turns it into a {@link dev.cspctl.api.RemoteApiException}.
 */
public final class WireFormatException extends IllegalArgumentException {
  public WireFormatException(String message) {
    super(message);
  }
}
