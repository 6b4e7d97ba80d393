package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Low-level exchange I/O: capped body reads, query parsing, JSON replies, silent closes. */
final class ExchangeIo {
  private static final long DRAIN_LIMIT = 64L << 20;

  private ExchangeIo() {}

  /** The body, or null when it exceeds {@code cap} bytes. */
  static byte[] readBody(HttpExchange ex, int cap) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] b = in.readNBytes(cap + 1);
      if (b.length <= cap) {
        return b;
      }
      // Drain (bounded) so the client can read the 413 instead of a broken pipe.
      byte[] sink = new byte[64 * 1024];
      long drained = 0;
      int n;
      while (drained < DRAIN_LIMIT && (n = in.read(sink)) > 0) {
        drained += n;
      }
      return null;
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return m;
    }
    for (String kv : raw.split("&", -1)) {
      if (kv.isEmpty()) {
        continue; // "a=1&" or "&&": no parameter
      }
      int i = kv.indexOf('=');
      String k = i < 0 ? kv : kv.substring(0, i);
      String v = i < 0 ? "" : kv.substring(i + 1);
      m.put(decode(k), decode(v));
    }
    return m;
  }

  /** Decodes %-escapes; a malformed escape is kept as sent rather than failing the request. */
  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  static void send(HttpExchange ex, int status, JsonNode body, Map<String, String> headers)
      throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    if (body == null) {
      ex.sendResponseHeaders(status, -1);
      ex.close();
      return;
    }
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Closes the connection without any response: the JDK server closes the socket when an exchange
   * is closed before its headers were sent. Clients see a connection error.
   */
  static void closeWithoutResponse(HttpExchange ex) {
    ex.close();
  }
}
