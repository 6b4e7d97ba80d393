package dev.cspctl.api;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cspctl.api.http.Redactor;
import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.testing.WireMockClients;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Runs logins, reads, writes and failures with every log level at TRACE and checks that no secret
 * value appears anywhere in the log output or in exception messages.
 */
class SecretRedactionTest {
  @RegisterExtension static WireMockExtension wm = WireMockClients.server();

  static final String PASSWORD = "Pa55-w0rd-SECRET";
  static final String TFA = "918273";
  static final String LOGIN_TOKEN = "blt-session-token-SECRET";
  static final String MGMT = "cs-management-SECRET";
  static final String OAUTH = "oauth-access-SECRET";
  static final List<String> SECRETS = List.of(PASSWORD, TFA, LOGIN_TOKEN, MGMT, OAUTH);

  final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  final Map<String, Level> saved = new HashMap<>();
  final List<String> exceptionTexts = new ArrayList<>();
  LoggerContext ctx;

  @BeforeEach
  void captureEverythingAtTrace() {
    ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    for (Logger l : ctx.getLoggerList()) {
      if (l.getName().equals(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
        saved.put(l.getName(), l.getLevel());
        continue;
      }
      saved.put(l.getName(), l.getLevel());
      l.setLevel(null); // inherit from root: a user config with only <root level="TRACE">
    }
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.TRACE);
    appender.setContext(ctx);
    appender.start();
    root.addAppender(appender);
  }

  @AfterEach
  void restore() {
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(appender);
    saved.forEach((name, level) -> ctx.getLogger(name).setLevel(level));
  }

  private void run(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        exceptionTexts.add(String.valueOf(t.getMessage()));
        exceptionTexts.add(t.toString());
      }
    }
  }

  @Test
  void noSecretInLogsOrErrors() {
    wm.stubFor(
        post("/v3/user-session")
            .willReturn(
                okJson(
                    "{\"notice\":\"Login Successful.\","
                        + "\"user\":{\"uid\":\"bltu\",\"email\":\"a@b.c\",\"authtoken\":\""
                        + LOGIN_TOKEN
                        + "\"}}")));
    wm.stubFor(delete("/v3/user-session").willReturn(okJson("{}")));
    wm.stubFor(get("/events").willReturn(okJson("[]")));
    // a server that echoes the token it got in an error message
    wm.stubFor(
        get("/audiences")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"invalid authtoken " + LOGIN_TOKEN + "\"}")));
    wm.stubFor(
        get(urlPathEqualTo("/v3/variant_groups"))
            .willReturn(
                aResponse()
                    .withStatus(412)
                    .withBody(
                        "{\"error_message\":\"Invalid token " + MGMT + "\",\"error_code\":105}")));
    wm.stubFor(post("/events").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(get("/attributes").willReturn(aResponse().withStatus(503)));

    Credentials login =
        new Credentials(
            null,
            null,
            "a@b.c",
            PASSWORD,
            TFA,
            MGMT,
            TestClients.API_KEY,
            TestClients.PROJECT,
            "main");
    try (ContentstackClients c = TestClients.clients(wm.baseUrl(), login)) {
      exceptionTexts.add(login.toString());
      run(() -> c.personalize().listEvents());
      run(() -> c.personalize().listAudiences());
      run(() -> c.cma().listAllVariantGroups());
      run(() -> c.personalize().createEvent(new EventInput("k", "d")));
      run(() -> c.personalize().listAttributes());
    }
    // a failing login: the body with the password must not be logged
    wm.stubFor(
        post("/v3/user-session")
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody(
                        "{\"error_message\":\"Looks like your email or password is invalid.\"}")));
    try (ContentstackClients c = TestClients.clients(wm.baseUrl(), login)) {
      run(() -> c.personalize().listEvents());
    }
    wm.stubFor(
        get("/audiences")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"invalid authorization Bearer " + OAUTH + "\"}")));
    wm.stubFor(
        get(urlPathEqualTo("/v3/variant_groups"))
            .willReturn(
                aResponse()
                    .withStatus(412)
                    .withBody("{\"error_message\":\"Invalid token Bearer " + OAUTH + "\"}")));
    Credentials oauth =
        new Credentials(
            null, OAUTH, null, null, null, null, TestClients.API_KEY, TestClients.PROJECT, null);
    try (ContentstackClients c = TestClients.clients(wm.baseUrl(), oauth)) {
      exceptionTexts.add(oauth.toString());
      run(() -> c.personalize().listAudiences());
      run(() -> c.cma().listAllVariantGroups());
    }

    List<String> logs = new ArrayList<>();
    for (ILoggingEvent e : appender.list) {
      logs.add(e.getLoggerName() + " " + e.getFormattedMessage());
      if (e.getThrowableProxy() != null) {
        logs.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
      }
    }
    String all = String.join("\n", logs) + "\n" + String.join("\n", exceptionTexts);

    // the capture really is at TRACE and covered the interesting requests
    assertThat(appender.list).anyMatch(e -> e.getLevel() == Level.TRACE);
    assertThat(appender.list)
        .anyMatch(
            e ->
                e.getLoggerName().startsWith("org.apache.hc")
                    && e.getLevel().toInt() <= Level.DEBUG.toInt());
    assertThat(all)
        .contains(
            "POST /v3/user-session -> 200",
            "POST /v3/user-session -> 422",
            "GET /audiences -> 401",
            "reply lost",
            "invalid authtoken ***");
    assertThat(exceptionTexts).anyMatch(t -> t.contains("Invalid token ***"));
    for (String secret : SECRETS) {
      assertThat(all).as("secret %s leaked", secret).doesNotContain(secret);
    }
  }

  @Test
  void requestToStringHidesHeaderValues() {
    var req =
        new dev.cspctl.api.http.ApiRequest(
            Api.CMA,
            "POST",
            "/v3/user-session?token=abc",
            Map.of("authtoken", LOGIN_TOKEN),
            PASSWORD.getBytes(UTF_8),
            dev.cspctl.api.http.RateBucket.CMA_WRITE,
            true,
            null);
    assertThat(req.toString()).doesNotContain(LOGIN_TOKEN, PASSWORD, "abc").contains("authtoken");
  }

  @Test
  void queryValuesThatLookSecretAreMasked() {
    Redactor r = new Redactor();
    assertThat(r.path("/x?skip=0&access_token=abc&api_key=blt1&password=p&locale=en-us"))
        .isEqualTo("/x?skip=0&access_token=***&api_key=blt1&password=***&locale=en-us");
    assertThat(r.headers(Map.of("authtoken", "t", "Authorization", "u", "api_key", "k")))
        .containsEntry("authtoken", "***")
        .containsEntry("Authorization", "***")
        .containsEntry("api_key", "k");
  }
}
