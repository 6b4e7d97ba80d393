package dev.cspctl.api.http;

import dev.cspctl.api.Api;
import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResponseLostException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one transport policy shared by both clients: pooled connections, timeouts, the shared rate
 * buckets ({@link RateLimiter}), retries ({@link RetryPolicy}), request logging with redaction
 * ({@link Redactor}) and mapping of non-2xx replies to {@link RemoteApiException}.
 *
 * <p>Logging: one INFO line per request on logger {@code cspctl.http} ({@code API METHOD path ->
 * status in N ms, retries=R}); DEBUG lines per retry; TRACE with redacted headers and body.
 * HttpClient's own header/wire loggers are silenced (see {@link HttpWireLogGuard}) because they
 * print tokens verbatim.
 *
 * <p>Thread-safe; close it once at the end of the run.
 */
public final class HttpTransport implements AutoCloseable {
  public static final String LOGGER_NAME = "cspctl.http";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

  private final ApiEndpoints endpoints;
  private final TransportConfig config;
  private final RateLimiter rateLimiter;
  private final RetryPolicy retryPolicy;
  private final Redactor redactor;
  private final Sleeper sleeper;
  private final CloseableHttpClient client;
  private final JsonCodec codec;
  private volatile Function<Api, String> rejectedCredential;

  public HttpTransport(ApiEndpoints endpoints, TransportConfig config, Redactor redactor) {
    this(endpoints, config, redactor, Sleeper.REAL);
  }

  public HttpTransport(
      ApiEndpoints endpoints, TransportConfig config, Redactor redactor, Sleeper sleeper) {
    HttpWireLogGuard.apply();
    this.endpoints = endpoints;
    this.config = config;
    this.rateLimiter = new RateLimiter(config);
    this.retryPolicy = new RetryPolicy(config);
    this.redactor = redactor;
    this.sleeper = sleeper;
    this.codec = new JsonCodec(redactor);
    PoolingHttpClientConnectionManager cm =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(config.connectTimeout()))
                    .setSocketTimeout(Timeout.of(config.readTimeout()))
                    // Re-validate pooled connections idle >500 ms, so that a server-closed
                    // keep-alive
                    // connection does not make a POST look "lost".
                    .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                    .build())
            .setMaxConnTotal(config.maxConnections())
            .setMaxConnPerRoute(config.maxConnections())
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(cm)
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(Timeout.of(config.readTimeout()))
                    .setRedirectsEnabled(false)
                    .build())
            .disableAutomaticRetries() // RetryPolicy is the only retry logic
            .disableRedirectHandling() // never forward auth headers to another host
            .disableCookieManagement()
            .setUserAgent("cspctl")
            .build();
  }

  public JsonCodec codec() {
    return codec;
  }

  public Redactor redactor() {
    return redactor;
  }

  public TransportConfig config() {
    return config;
  }

  /** Blocks until a request under {@code bucket} could go at once; takes no permit. */
  public void awaitPermit(RateBucket bucket) {
    rateLimiter.awaitAvailable(bucket);
  }

  /** Sends the request under the shared policy; returns a 2xx reply or throws. */
  public ApiResponse execute(ApiRequest req) {
    String shownPath = redactor.path(req.path());
    long start = System.nanoTime();
    int attempt = 0;
    while (true) {
      rateLimiter.acquire(req.bucket());
      if (LOG.isTraceEnabled()) {
        LOG.trace(
            "{} {} {} attempt {} headers={} body={}",
            req.api(),
            req.method(),
            shownPath,
            attempt + 1,
            redactor.headers(req.headers()),
            redactor.body(req));
      }
      Raw raw;
      try {
        raw = send(req);
      } catch (IOException e) {
        String what = redactor.scrub(Failures.describe(e));
        if (retryPolicy.retryIo(req.method(), e, attempt)) {
          Duration d = retryPolicy.delay(attempt, 0, null);
          LOG.debug(
              "{} {} {} attempt {} failed ({}); retrying in {} ms",
              req.api(),
              req.method(),
              shownPath,
              attempt + 1,
              what,
              d.toMillis());
          pause(req, shownPath, d);
          attempt++;
          continue;
        }
        logLine(req, shownPath, "ERR(" + what + ")", start, attempt);
        if (RetryPolicy.responseLost(req.method(), e)) {
          throw new ResponseLostException(
              req.api(), req.method(), shownPath, what, req.resource(), e);
        }
        throw new RemoteApiException(
            req.api(), req.method(), shownPath, 0, "connection failed: " + what, req.resource(), e);
      }
      ApiResponse resp = new ApiResponse(raw.status, raw.contentType, raw.body);
      if (!resp.isSuccess() && retryPolicy.retryStatus(req.method(), raw.status, attempt)) {
        Duration d = retryPolicy.delay(attempt, raw.status, raw.retryAfter);
        LOG.debug(
            "{} {} {} attempt {} got {}; retrying in {} ms{}",
            req.api(),
            req.method(),
            shownPath,
            attempt + 1,
            raw.status,
            d.toMillis(),
            raw.retryAfter != null ? " (Retry-After: " + raw.retryAfter + ")" : "");
        pause(req, shownPath, d);
        attempt++;
        continue;
      }
      logLine(req, shownPath, String.valueOf(raw.status), start, attempt);
      if (!resp.isSuccess()) {
        throw new RemoteApiException(
            req.api(),
            req.method(),
            shownPath,
            raw.status,
            failure(req, raw, resp),
            req.resource());
      }
      if (LOG.isTraceEnabled()) {
        LOG.trace(
            "{} {} {} reply body={}",
            req.api(),
            req.method(),
            shownPath,
            req.sensitiveBody()
                ? "<reply to a credentials request: not logged>"
                : redactor.scrub(resp.bodyText()));
      }
      return resp;
    }
  }

  private String failure(ApiRequest req, Raw raw, ApiResponse resp) {
    if (raw.status >= 300 && raw.status < 400) {
      // Redirects are not followed: they could carry the credentials to another host.
      return "the server redirects "
          + (raw.location == null ? "elsewhere" : "to " + redactor.path(raw.location))
          + "; cspctl does not follow redirects: give the final address with --personalize-url / --cma-url";
    }
    String message = ServerMessages.extract(resp, redactor);
    Function<Api, String> credential = rejectedCredential;
    if (raw.status == 401 && credential != null) {
      message +=
          " (rejected credential: "
              + credential.apply(req.api())
              + "; check the value, or whether it expired)";
    }
    return message;
  }

  /**
   * Names, per API, the variable whose credential is sent, so a 401 can say which one was refused.
   */
  public void describeCredentials(Function<Api, String> variableFor) {
    this.rejectedCredential = variableFor;
  }

  private void logLine(ApiRequest req, String shownPath, String outcome, long start, int retries) {
    LOG.info(
        "{} {} {} -> {} in {} ms, retries={}",
        req.api().displayName(),
        req.method(),
        shownPath,
        outcome,
        (System.nanoTime() - start) / 1_000_000,
        retries);
  }

  private void pause(ApiRequest req, String shownPath, Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteApiException(
          req.api(),
          req.method(),
          shownPath,
          0,
          "interrupted while waiting to retry",
          req.resource(),
          e);
    }
  }

  @SuppressWarnings(
      "ArrayRecordComponent") // byte[] bodies: these records carry bytes and are never compared or
  // hashed.
  private record Raw(
      int status, String contentType, byte[] body, String retryAfter, String location) {}

  private Raw send(ApiRequest req) throws IOException {
    URI base = req.api() == Api.PERSONALIZE ? endpoints.personalizeBase() : endpoints.cmaBase();
    HttpUriRequestBase http = new HttpUriRequestBase(req.method(), URI.create(base + req.path()));
    http.setHeader("Accept", "application/json");
    for (Map.Entry<String, String> h : req.headers().entrySet()) {
      http.setHeader(h.getKey(), h.getValue());
    }
    if (req.body() != null) {
      http.setEntity(new ByteArrayEntity(req.body(), ContentType.APPLICATION_JSON));
    }
    return client.execute(
        http,
        response -> {
          HttpEntity entity = response.getEntity();
          byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
          String ct = entity == null ? null : entity.getContentType();
          Header ra = response.getFirstHeader("Retry-After");
          Header location = response.getFirstHeader("Location");
          return new Raw(
              response.getCode(),
              ct,
              body,
              ra == null ? null : ra.getValue(),
              location == null ? null : location.getValue());
        });
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      LOG.debug("closing HTTP client: {}", e.toString());
    }
  }
}
