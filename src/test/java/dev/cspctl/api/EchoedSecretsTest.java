package dev.cspctl.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cspctl.testing.WireMockClients;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hostile server echoes the token back, cut, encoded or escaped: no part of it reaches an error.
 */
class EchoedSecretsTest {
  @RegisterExtension static WireMockExtension wm = WireMockClients.server();

  /** 22 characters, with the characters that encodings change. */
  static final String TOKEN = "tok+/=&<>\"'en-SECRET42";

  String errorFor(String contentType, String body) {
    wm.stubFor(
        get("/events")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", contentType)
                    .withBody(body)));
    try (ContentstackClients c =
        TestClients.clients(
            wm.baseUrl(),
            Credentials.ofAuthtoken(TOKEN, TestClients.API_KEY, TestClients.PROJECT))) {
      return String.valueOf(catchThrowable(() -> c.personalize().listEvents()).getMessage());
    }
  }

  static void assertNoPartOfTheToken(String message) {
    assertThat(TOKEN).hasSize(22);
    for (int i = 0; i + 6 <= TOKEN.length(); i++) {
      String part = TOKEN.substring(i, i + 6);
      if (part.matches("[A-Za-z0-9-]+")) assertThat(message).doesNotContain(part);
    }
    assertThat(message).doesNotContain("SECRET").doesNotContain("ECRET4");
  }

  @Test
  void aTokenJustPastTheCutIsMaskedBeforeTheCut() {
    for (int pad = 270; pad <= 300; pad++) {
      String message =
          errorFor(
              "application/json",
              "{\"error_message\":\"" + "x".repeat(pad) + TOKEN.replace("\"", "\\\"") + "\"}");
      assertThat(message).contains("xxxx");
      assertNoPartOfTheToken(message);
    }
  }

  @Test
  void urlEncodedHtmlEscapedAndJsonEscapedEchoesAreMasked() {
    String url = URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
    String urlLower = url.toLowerCase(Locale.ROOT).replace("tok", "tok");
    String html =
        TOKEN
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;")
            .replace("'", "&#39;");
    String json = TOKEN.replace("\"", "\\\"").replace("/", "\\/");
    String unicode = TOKEN.replace("\"", "\\u0022").replace("<", "\\u003c").replace("S", "\\u0053");
    for (Map.Entry<String, String> e :
        Map.of(
                "url", "{\"message\":\"bad request to /x?authtoken=" + url + "\"}",
                "url, lower-case hex",
                    "{\"message\":\"see " + urlLower.replace("-secret42", "-SECRET42") + "\"}",
                "html page",
                    "<html><body><h1>400</h1><p>token " + html + " refused</p></body></html>",
                "numeric html entities",
                    "<html><body>token "
                        + TOKEN.chars().mapToObj(c -> "&#" + c + ";").reduce("", String::concat)
                        + "</body></html>",
                "json slash-escaped", "{\"error\":\"token " + json + "\"}",
                "json unicode-escaped", "{\"error\":\"token " + unicode + "\"}")
            .entrySet()) {
      String contentType = e.getKey().contains("html") ? "text/html" : "application/json";
      String message = errorFor(contentType, e.getValue());
      assertThat(message).as(e.getKey()).contains("***");
      assertNoPartOfTheToken(message);
    }
  }

  @Test
  void tokensAHeaderCannotCarryAreRefusedNamingTheVariableNotTheValue() {
    for (Map.Entry<String, String> bad :
        Map.of(
                "CONTENTSTACK_AUTHTOKEN", "blt-line\r\nbreak-SECRET",
                "CONTENTSTACK_MANAGEMENT_TOKEN", "cs-tökén-SECRET",
                "CONTENTSTACK_OAUTH_TOKEN", "multi\nline-SECRET")
            .entrySet()) {
      Map<String, String> env =
          new java.util.HashMap<>(Map.of("CONTENTSTACK_AUTHTOKEN", "blt-fine"));
      env.put(bad.getKey(), bad.getValue());
      assertThatThrownBy(() -> Credentials.fromEnvironment(env))
          .isInstanceOf(Credentials.InvalidCredentialsException.class)
          .hasMessageStartingWith(bad.getKey() + " holds a ")
          .hasMessageContaining("HTTP headers")
          .hasMessageNotContaining("SECRET");
    }
  }
}
