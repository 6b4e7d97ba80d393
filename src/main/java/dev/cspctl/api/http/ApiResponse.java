package dev.cspctl.api.http;

import java.nio.charset.StandardCharsets;

/** A received HTTP reply: status, content type and raw body bytes. */
@SuppressWarnings(
    "ArrayRecordComponent") // byte[] bodies: these records carry bytes and are never compared or
// hashed.
public record ApiResponse(int status, String contentType, byte[] body) {
  public String bodyText() {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
