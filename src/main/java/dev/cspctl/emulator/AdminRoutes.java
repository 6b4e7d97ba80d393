package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/**
 * Unauthenticated admin paths (the server binds 127.0.0.1 only): GET /_emulator/state, GET
 * /_emulator/requests, GET /_emulator/counters, POST /_emulator/reset.
 */
final class AdminRoutes {
  private final Store store;
  private final RequestLog log;
  private final ServerRateLimits limiter;

  AdminRoutes(Store store, RequestLog log, ServerRateLimits limiter) {
    this.store = store;
    this.log = log;
    this.limiter = limiter;
  }

  int handle(HttpExchange ex, String method, String path) throws IOException {
    ex.getRequestBody().readNBytes(EmulatorAssumptions.MAX_BODY_BYTES);
    String route = method + " " + path;
    switch (route) {
      case "GET /_emulator/state" ->
          ExchangeIo.send(ex, 200, Json.MAPPER.readTree(store.dump()), Map.of());
      case "GET /_emulator/requests" ->
          ExchangeIo.send(ex, 200, Json.MAPPER.valueToTree(log.entries()), Map.of());
      case "GET /_emulator/counters" ->
          ExchangeIo.send(ex, 200, Json.MAPPER.valueToTree(limiter.counters()), Map.of());
      case "POST /_emulator/reset" -> {
        reset();
        ObjectNode ok = Json.object();
        ok.put("notice", "Emulator state reset.");
        ExchangeIo.send(ex, 200, ok, Map.of());
      }
      default -> {
        ExchangeIo.send(
            ex, 404, ApiException.businessBody(404, "Cannot " + method + " " + path), Map.of());
        return 404;
      }
    }
    return 200;
  }

  void reset() {
    store.reset();
    log.clear();
    limiter.reset();
  }
}
