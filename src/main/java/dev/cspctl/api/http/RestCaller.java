package dev.cspctl.api.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.api.Api;
import dev.cspctl.api.ResourceRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Builds {@link ApiRequest}s for one API (auth headers, JSON body) and decodes replies. */
public final class RestCaller {
  private final HttpTransport transport;
  private final Api api;
  private final Supplier<Map<String, String>> authHeaders;
  private final ResourceRef resource;

  public RestCaller(
      HttpTransport transport,
      Api api,
      Supplier<Map<String, String>> authHeaders,
      ResourceRef resource) {
    this.transport = transport;
    this.api = api;
    this.authHeaders = authHeaders;
    this.resource = resource;
  }

  public RestCaller about(ResourceRef ref) {
    return new RestCaller(transport, api, authHeaders, ref);
  }

  public JsonCodec codec() {
    return transport.codec();
  }

  /** A prepared call; {@link #exchange()} sends it. */
  public final class Call {
    final ApiRequest request;

    Call(ApiRequest request) {
      this.request = request;
    }

    public ApiResponse exchange() {
      return transport.execute(request);
    }

    public <T> T as(Class<T> type) {
      return transport.codec().decode(request, exchange(), type);
    }

    public <T> T as(TypeReference<T> type) {
      return transport.codec().decode(request, exchange(), type);
    }

    public JsonNode tree() {
      return transport.codec().tree(request, exchange());
    }

    /** Sends and ignores the reply body (DELETE replies may be empty). */
    public void discard() {
      exchange();
    }

    public ApiRequest request() {
      return request;
    }
  }

  public Call call(String method, String path, Object body, RateBucket bucket) {
    return call(method, path, body, bucket, Map.of(), false, true);
  }

  /**
   * Builds a call with the API's authentication headers.
   *
   * @param auth false for unauthenticated calls (login)
   */
  public Call call(
      String method,
      String path,
      Object body,
      RateBucket bucket,
      Map<String, String> extraHeaders,
      boolean sensitiveBody,
      boolean auth) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (auth) {
      headers.putAll(authHeaders.get());
    }
    headers.putAll(extraHeaders);
    byte[] bytes =
        body == null ? null : body instanceof byte[] b ? b : transport.codec().encode(body);
    return new Call(
        new ApiRequest(api, method, path, headers, bytes, bucket, sensitiveBody, resource));
  }
}
