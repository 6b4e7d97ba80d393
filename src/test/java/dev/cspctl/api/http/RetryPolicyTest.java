package dev.cspctl.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.TestClients;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  final RetryPolicy policy = new RetryPolicy(TestClients.fastConfig());

  @Test
  void statusRules() {
    for (int s : new int[] {408, 429, 500, 502, 503, 504}) {
      assertThat(policy.retryStatus("GET", s, 0)).as("GET %d", s).isTrue();
      assertThat(policy.retryStatus("PUT", s, 0)).as("PUT %d", s).isTrue();
      assertThat(policy.retryStatus("DELETE", s, 0)).as("DELETE %d", s).isTrue();
      assertThat(policy.retryStatus("POST", s, 0)).as("POST %d", s).isEqualTo(s == 429);
    }
    assertThat(policy.retryStatus("GET", 400, 0)).isFalse();
    assertThat(policy.retryStatus("GET", 404, 0)).isFalse();
    assertThat(policy.retryStatus("GET", 503, 3)).as("max retries reached").isFalse();
  }

  @Test
  void ioRules() {
    IOException reset = new SocketException("Connection reset");
    assertThat(policy.retryIo("GET", reset, 0)).isTrue();
    assertThat(policy.retryIo("POST", reset, 0)).isFalse();
    assertThat(RetryPolicy.responseLost("POST", reset)).isTrue();
    assertThat(RetryPolicy.responseLost("POST", new NoHttpResponseException("x"))).isTrue();
    assertThat(policy.retryIo("POST", new ConnectException("refused"), 0)).isTrue();
    assertThat(RetryPolicy.responseLost("POST", new ConnectException("refused"))).isFalse();
    assertThat(policy.retryIo("GET", new javax.net.ssl.SSLHandshakeException("bad cert"), 0))
        .isFalse();
  }

  @Test
  void retryAfterFormats() {
    assertThat(RetryPolicy.parseRetryAfter("2")).contains(Duration.ofSeconds(2));
    String date =
        ZonedDateTime.now(ZoneId.systemDefault())
            .plusSeconds(5)
            .format(DateTimeFormatter.RFC_1123_DATE_TIME);
    assertThat(RetryPolicy.parseRetryAfter(date).orElseThrow().toSeconds()).isBetween(3L, 5L);
    assertThat(RetryPolicy.parseRetryAfter("soon")).isEmpty();
    // unparseable Retry-After falls back to backoff
    assertThat(policy.delay(0, 429, "soon")).isLessThanOrEqualTo(Duration.ofMillis(1));
  }

  @Test
  void jitterIsReproducibleWithSeed() {
    RetryPolicy a = new RetryPolicy(TestClients.fastConfig());
    RetryPolicy b = new RetryPolicy(TestClients.fastConfig());
    for (int i = 0; i < 5; i++) {
      assertThat(a.delay(i, 500, null)).isEqualTo(b.delay(i, 500, null));
    }
  }
}
