package dev.cspctl.api.http;

import dev.cspctl.api.Api;
import dev.cspctl.api.ResourceRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP call. {@code path} is relative to the API's base URL and includes an already-encoded
 * query string. {@code sensitiveBody} marks bodies holding secrets (login): they are never logged
 * or echoed in errors.
 */
@SuppressWarnings(
    "ArrayRecordComponent") // byte[] bodies: these records carry bytes and are never compared or
// hashed.
public record ApiRequest(
    Api api,
    String method,
    String path,
    Map<String, String> headers,
    byte[] body,
    RateBucket bucket,
    boolean sensitiveBody,
    ResourceRef resource) {

  public ApiRequest {
    Objects.requireNonNull(api);
    Objects.requireNonNull(method);
    Objects.requireNonNull(path);
    Objects.requireNonNull(bucket);
    headers = Map.copyOf(new LinkedHashMap<>(headers));
  }

  /** Never prints header values or the body (they may hold credentials). */
  @Override
  public String toString() {
    return "ApiRequest["
        + api
        + " "
        + method
        + " "
        + new Redactor().path(path)
        + ", headers="
        + headers.keySet()
        + ", body="
        + (body == null ? 0 : body.length)
        + " bytes]";
  }

  public ApiRequest withResource(ResourceRef ref) {
    return new ApiRequest(api, method, path, headers, body, bucket, sensitiveBody, ref);
  }
}
