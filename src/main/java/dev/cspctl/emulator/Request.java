package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.util.Map;

/** A parsed API request as the handlers see it. */
record Request(
    String method,
    String path,
    Map<String, String> params,
    Map<String, String> query,
    JsonNode body,
    Headers headers) {

  String param(String name) {
    return params.get(name);
  }

  String query(String name, String fallback) {
    String v = query.get(name);
    return v == null || v.isEmpty() ? fallback : v;
  }

  boolean flag(String name) {
    return "true".equalsIgnoreCase(query.get(name));
  }

  /** Non-negative integer query parameter, else the fallback. */
  int intQuery(String name, int fallback) {
    try {
      int v = Integer.parseInt(query.getOrDefault(name, ""));
      return v < 0 ? fallback : v;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  String header(String name) {
    return headers.getFirst(name);
  }

  /** The body as an object, or an empty object if it is not one. */
  ObjectNode object() {
    return body instanceof ObjectNode o ? o : Json.object();
  }
}
