package dev.cspctl.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cspctl.emulator.FaultInjector.Fault;
import dev.cspctl.emulator.RateLimiter.Bucket;
import dev.cspctl.emulator.RateLimiter.Decision;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single HTTP handler: admin paths, then for API paths latency, rate limit, body cap,
 * routing, faults, content type and JSON, auth, the handler, and the reply in the API's shape.
 */
final class HttpFront implements HttpHandler {
  enum Api { PERSONALIZE, CMA }

  private record Outcome(int status, String fault) {}

  private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
  private final EmulatorConfig config;
  private final Router router;
  private final Auth auth;
  private final RateLimiter limiter;
  private final FaultInjector faults;
  private final RequestLog log;
  private final AdminRoutes admin;

  HttpFront(EmulatorConfig config, Router router, RateLimiter limiter, FaultInjector faults,
      RequestLog log, AdminRoutes admin) {
    this.config = config;
    this.router = router;
    this.auth = new Auth(config.credentials());
    this.limiter = limiter;
    this.faults = faults;
    this.log = log;
    this.admin = admin;
  }

  @Override
  public void handle(HttpExchange ex) {
    long t0 = System.nanoTime();
    String method = ex.getRequestMethod().toUpperCase();
    String path = ex.getRequestURI().getPath();
    Outcome outcome = new Outcome(500, null);
    try {
      if (path.equals("/_emulator") || path.startsWith("/_emulator/")) {
        outcome = new Outcome(admin.handle(ex, method, path), null);
        return;
      }
      outcome = serve(ex, path.equals("/v3") || path.startsWith("/v3/") ? Api.CMA : Api.PERSONALIZE, method, path);
    } catch (Throwable t) {
      LOG.error("emulator bug on {} {}", method, path, t);
      try {
        Wire.send(ex, 500, ApiException.businessBody(500, "Internal emulator error"), Map.of());
      } catch (IOException | RuntimeException ignored) {
        ex.close();
      }
    } finally {
      List<String> creds = new ArrayList<>();
      RequestLog.CREDENTIAL_HEADERS.forEach(h -> {
        if (ex.getRequestHeaders().containsKey(h)) {
          creds.add(h);
        }
      });
      log.add(new RequestLog.Entry(method, path, outcome.status, (System.nanoTime() - t0) / 1_000_000,
          outcome.fault, List.copyOf(creds)));
    }
  }

  private Outcome serve(HttpExchange ex, Api api, String method, String path) throws IOException {
    sleep(config.latencyMs());
    Decision d = limiter.acquire(bucket(api, method, path));
    Map<String, String> headers = new LinkedHashMap<>();
    if (api == Api.CMA) {
      headers.put("X-RateLimit-Limit", Integer.toString(d.limit()));
      headers.put("X-RateLimit-Remaining", Integer.toString(d.remaining()));
    }
    if (!d.allowed()) {
      return reply(ex, api, 429, "Too many requests", throttled(headers, d.retryAfterSeconds()), null);
    }
    byte[] raw = Wire.readBody(ex, ApiAssumptions.MAX_BODY_BYTES);
    if (raw == null) {
      return reply(ex, api, 413, "Request body is larger than " + ApiAssumptions.MAX_BODY_BYTES + " bytes", headers, null);
    }
    Optional<Router.Match> match = router.match(method, path);
    if (match.isEmpty()) {
      return unknownRoute(ex, api, method, path, headers);
    }
    Fault fault = faults.next();
    String faultName = fault == Fault.NONE ? null : fault.name();
    switch (fault) {
      case ERROR_500 -> {
        return reply(ex, api, 500, "Injected fault", headers, faultName);
      }
      case THROTTLE_429 -> {
        limiter.countThrottled(bucket(api, method, path));
        return reply(ex, api, 429, "Too many requests", throttled(headers, 1), faultName);
      }
      case RESET -> {
        Wire.closeWithoutResponse(ex);
        return new Outcome(0, faultName);
      }
      case LATENCY_SPIKE -> sleep(config.latencySpikeMs());
      default -> { }
    }
    Response resp;
    try {
      Request req = parse(ex, method, path, raw, match.get().params());
      if (!path.equals("/v3/user-session")) {
        if (api == Api.CMA) {
          auth.cma(req);
        } else {
          auth.personalize(req);
        }
      }
      resp = match.get().handler().handle(req);
    } catch (ApiException e) {
      resp = new Response(e.status, e.body);
    }
    if (fault == Fault.DROP) {
      Wire.closeWithoutResponse(ex);
      return new Outcome(resp.status(), faultName);
    }
    Wire.send(ex, resp.status(), resp.body(), headers);
    return new Outcome(resp.status(), faultName);
  }

  private Request parse(HttpExchange ex, String method, String path, byte[] raw, Map<String, String> params) {
    Api api = path.startsWith("/v3") ? Api.CMA : Api.PERSONALIZE;
    JsonNode body = Json.object();
    boolean hasBody = raw.length > 0 && (method.equals("POST") || method.equals("PUT"));
    if (hasBody) {
      String ct = ex.getRequestHeaders().getFirst("Content-Type");
      if (ct == null || !ct.toLowerCase().contains("application/json")) {
        throw new ApiException(ApiAssumptions.WRONG_CONTENT_TYPE_STATUS,
            errorBody(api, ApiAssumptions.WRONG_CONTENT_TYPE_STATUS, "Content-Type must be application/json"));
      }
      try {
        body = Json.MAPPER.readTree(raw);
        if (body == null || body.isNull() || body.isMissingNode()) {
          body = Json.object();
        }
      } catch (JsonProcessingException e) {
        throw new ApiException(400, errorBody(api, 400, "Malformed JSON body: " + e.getOriginalMessage()));
      } catch (IOException e) {
        throw new ApiException(400, errorBody(api, 400, "Unreadable body"));
      }
    }
    return new Request(method, path, params, Wire.query(ex.getRequestURI().getRawQuery()), body,
        ex.getRequestHeaders());
  }

  private Outcome unknownRoute(HttpExchange ex, Api api, String method, String path, Map<String, String> headers)
      throws IOException {
    boolean known = router.knowsPath(path);
    if (api == Api.PERSONALIZE) {
      var body = ApiException.businessBody(404, "Cannot " + method + " " + path);
      body.put("error", "Not Found");
      Wire.send(ex, ApiAssumptions.PERSONALIZE_WRONG_METHOD_STATUS, body, headers);
      return new Outcome(404, null);
    }
    int status = known ? ApiAssumptions.CMA_WRONG_METHOD_STATUS : 404;
    String msg = known ? "Method " + method + " is not allowed on " + path : "The requested URL " + path + " was not found.";
    return reply(ex, api, status, msg, headers, null);
  }

  private static Map<String, String> throttled(Map<String, String> headers, long retryAfter) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put("Retry-After", Long.toString(retryAfter));
    return h;
  }

  private Outcome reply(HttpExchange ex, Api api, int status, String message, Map<String, String> headers,
      String fault) throws IOException {
    Wire.send(ex, status, errorBody(api, status, message), headers);
    return new Outcome(status, fault);
  }

  static JsonNode errorBody(Api api, int status, String message) {
    return api == Api.PERSONALIZE ? ApiException.businessBody(status, message)
        : ApiException.cmaBody(message, status, Json.object());
  }

  static Bucket bucket(Api api, String method, String path) {
    if (api == Api.PERSONALIZE) {
      return Bucket.PERSONALIZE;
    }
    if (path.startsWith("/v3/bulk/")) {
      return Bucket.BULK;
    }
    return method.equals("GET") ? Bucket.CMA_READ : Bucket.CMA_WRITE;
  }

  private static void sleep(long ms) {
    if (ms > 0) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
