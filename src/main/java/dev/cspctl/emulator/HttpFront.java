package dev.cspctl.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cspctl.emulator.FaultInjector.Fault;
import dev.cspctl.emulator.ServerRateLimits.Bucket;
import dev.cspctl.emulator.ServerRateLimits.Decision;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single HTTP handler: admin paths, then for API paths latency, rate limit, body cap, routing,
 * faults, content type and JSON, auth, the handler, and the reply in the API's shape.
 */
final class HttpFront implements HttpHandler {
  enum Api {
    PERSONALIZE,
    CMA
  }

  private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
  private final EmulatorConfig config;
  private final Router router;
  private final Auth auth;
  private final ServerRateLimits limiter;
  private final FaultInjector faults;
  private final RequestLog log;
  private final AdminRoutes admin;
  private final ScriptedFaults scriptedFaults;

  HttpFront(
      EmulatorConfig config,
      Router router,
      ServerRateLimits limiter,
      FaultInjector faults,
      RequestLog log,
      AdminRoutes admin,
      java.util.function.Supplier<String> projectUid,
      ScriptedFaults scriptedFaults) {
    this.scriptedFaults = scriptedFaults;
    this.config = config;
    this.router = router;
    this.auth = new Auth(config.credentials(), projectUid);
    this.limiter = limiter;
    this.faults = faults;
    this.log = log;
    this.admin = admin;
  }

  /** One exchange; logs itself exactly once, just before its reply (or close) goes out. */
  private final class Ctx {
    final HttpExchange ex;
    final String method;
    final String path;
    final long t0 = System.nanoTime();
    boolean logged;

    Ctx(HttpExchange ex, String method, String path) {
      this.ex = ex;
      this.method = method;
      this.path = path;
    }

    void log(int status, String fault) {
      if (logged) {
        return;
      }
      logged = true;
      List<String> creds = new ArrayList<>();
      RequestLog.CREDENTIAL_HEADERS.forEach(
          h -> {
            if (ex.getRequestHeaders().containsKey(h)) {
              creds.add(h);
            }
          });
      log.add(
          new RequestLog.Entry(
              method,
              path,
              status,
              (System.nanoTime() - t0) / 1_000_000,
              fault,
              List.copyOf(creds)));
    }

    void send(int status, JsonNode body, Map<String, String> headers, String fault)
        throws IOException {
      log(status, fault);
      ExchangeIo.send(ex, status, "HEAD".equals(method) ? null : body, headers);
    }

    void close(int status, String fault) {
      log(status, fault);
      ExchangeIo.closeWithoutResponse(ex);
    }
  }

  @Override
  public void handle(HttpExchange ex) {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = ex.getRequestURI().getPath();
    if (path.equals("/_emulator") || path.startsWith("/_emulator/")) {
      try {
        admin.handle(ex, method, path);
      } catch (IOException | RuntimeException e) {
        LOG.error("emulator admin failure on {} {}", method, path, e);
        ex.close();
      }
      return;
    }
    Ctx c = new Ctx(ex, method, path);
    try {
      serve(c, path.equals("/v3") || path.startsWith("/v3/") ? Api.CMA : Api.PERSONALIZE);
    } catch (Throwable t) {
      LOG.error("emulator bug on {} {}", method, path, t);
      try {
        c.send(500, ApiException.businessBody(500, "Internal emulator error"), Map.of(), null);
      } catch (IOException | RuntimeException ignored) {
        c.close(500, null);
      }
    } finally {
      c.log(500, null);
    }
  }

  private void serve(Ctx c, Api api) throws IOException {
    String method = c.method;
    String path = c.path;
    sleep(config.latencyMs());
    Bucket bucket = bucket(api, method, path);
    Decision d = limiter.acquire(bucket);
    if (d.allowed() && bucket == Bucket.BULK && EmulatorAssumptions.BULK_ALSO_COUNTS_AS_WRITE) {
      d = limiter.acquire(Bucket.CMA_WRITE);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (api == Api.CMA) {
      headers.put("X-RateLimit-Limit", Integer.toString(d.limit()));
      headers.put("X-RateLimit-Remaining", Integer.toString(d.remaining()));
    }
    if (!d.allowed()) {
      c.send(
          429,
          errorBody(api, 429, "Too many requests"),
          throttled(api, headers, d.retryAfterSeconds()),
          null);
      return;
    }
    byte[] raw = ExchangeIo.readBody(c.ex, EmulatorAssumptions.MAX_BODY_BYTES);
    if (raw == null) {
      c.send(
          413,
          errorBody(
              api,
              413,
              "Request body is larger than " + EmulatorAssumptions.MAX_BODY_BYTES + " bytes"),
          headers,
          null);
      return;
    }
    Optional<Router.Match> match = router.match(method, path);
    if (match.isEmpty()) {
      unknownRoute(c, api, headers);
      return;
    }
    Optional<Integer> scripted = scriptedFaults.next(method, path);
    if (scripted.isPresent()) {
      c.send(
          scripted.get(),
          errorBody(api, scripted.get(), "Injected fault"),
          headers,
          "SCRIPTED_" + scripted.get());
      return;
    }
    Fault fault = faults.next();
    String faultName = fault == Fault.NONE ? null : fault.name();
    switch (fault) {
      case ERROR_500 -> {
        c.send(500, errorBody(api, 500, "Injected fault"), headers, faultName);
        return;
      }
      case THROTTLE_429 -> {
        limiter.countThrottled(bucket);
        c.send(
            429, errorBody(api, 429, "Too many requests"), throttled(api, headers, 1), faultName);
        return;
      }
      case RESET -> {
        c.close(0, faultName);
        return;
      }
      case LATENCY_SPIKE -> sleep(config.latencySpikeMs());
      default -> {}
    }
    Response resp;
    try {
      Request req = parse(c.ex, method, path, raw, match.get().params());
      if (!path.equals("/v3/user-session")) {
        if (api == Api.CMA) {
          auth.cma(req);
        } else if (path.equals("/projects")) {
          auth.personalizeUser(req);
        } else {
          auth.personalize(req);
        }
      }
      resp = match.get().handler().handle(req);
    } catch (ApiException e) {
      resp = new Response(e.status, e.body);
    }
    if (fault == Fault.DROP) {
      c.close(resp.status(), faultName);
      return;
    }
    c.send(resp.status(), resp.body(), headers, faultName);
  }

  private Request parse(
      HttpExchange ex, String method, String path, byte[] raw, Map<String, String> params) {
    Api api = path.startsWith("/v3") ? Api.CMA : Api.PERSONALIZE;
    JsonNode body = Json.object();
    boolean hasBody = raw.length > 0 && (method.equals("POST") || method.equals("PUT"));
    if (hasBody) {
      String ct = ex.getRequestHeaders().getFirst("Content-Type");
      if (ct == null || !ct.toLowerCase(Locale.ROOT).contains("application/json")) {
        throw new ApiException(
            EmulatorAssumptions.WRONG_CONTENT_TYPE_STATUS,
            errorBody(
                api,
                EmulatorAssumptions.WRONG_CONTENT_TYPE_STATUS,
                "Content-Type must be application/json"));
      }
      try {
        body = Json.MAPPER.readTree(raw);
        if (body == null || body.isNull() || body.isMissingNode()) {
          body = Json.object();
        }
      } catch (JsonProcessingException e) {
        throw new ApiException(
            400, errorBody(api, 400, "Malformed JSON body: " + e.getOriginalMessage()));
      } catch (IOException e) {
        throw new ApiException(400, errorBody(api, 400, "Unreadable body"));
      }
    }
    return new Request(
        method,
        path,
        params,
        ExchangeIo.query(ex.getRequestURI().getRawQuery()),
        body,
        ex.getRequestHeaders());
  }

  private void unknownRoute(Ctx c, Api api, Map<String, String> headers) throws IOException {
    if (api == Api.PERSONALIZE) {
      var body = ApiException.businessBody(404, "Cannot " + c.method + " " + c.path);
      body.put("error", "Not Found");
      c.send(EmulatorAssumptions.PERSONALIZE_WRONG_METHOD_STATUS, body, headers, null);
      return;
    }
    boolean known = router.knowsPath(c.path);
    int status = known ? EmulatorAssumptions.CMA_WRONG_METHOD_STATUS : 404;
    String msg =
        known
            ? "Method " + c.method + " is not allowed on " + c.path
            : "The requested URL " + c.path + " was not found.";
    c.send(status, errorBody(api, status, msg), headers, null);
  }

  private static Map<String, String> throttled(
      Api api, Map<String, String> headers, long retryAfter) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    if (api == Api.CMA || EmulatorAssumptions.PERSONALIZE_RETRY_AFTER) {
      h.put("Retry-After", Long.toString(retryAfter));
    }
    return h;
  }

  static JsonNode errorBody(Api api, int status, String message) {
    return api == Api.PERSONALIZE
        ? ApiException.businessBody(status, message)
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
