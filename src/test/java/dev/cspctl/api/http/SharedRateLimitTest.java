package dev.cspctl.api.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.TestClients;
import dev.cspctl.testing.WireMockClients;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The buckets are shared by every thread and by both clients' calls of the same kind. */
class SharedRateLimitTest {
  @RegisterExtension static WireMockExtension wm = WireMockClients.server();

  @Test
  void concurrentCallsAreThrottledPerBucket() throws Exception {
    wm.stubFor(get("/events").willReturn(okJson("[]")));
    wm.stubFor(
        get(urlPathEqualTo("/v3/variant_groups"))
            .willReturn(okJson("{\"variant_groups\":[],\"count\":0}")));
    double rate = 20; // 20 requests per window of 1 s, as the servers count
    TransportConfig cfg = TestClients.fastConfig().withRates(rate, 10_000, 10_000, 10_000, 1);
    int n = 25;
    try (ContentstackClients c =
        TestClients.clients(
            wm.baseUrl(), TestClients.authtoken(), cfg, new TestClients.RecordingSleeper())) {
      // warm: a cold first request reaches the server late (connection, class loading), which
      // would make the window look short at the server; then let the window empty
      c.personalize().listEvents();
      c.cma().listAllVariantGroups();
      Thread.sleep(1100);
      wm.resetRequests();
      ExecutorService ex = Executors.newFixedThreadPool(6);
      List<Future<?>> fs = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        fs.add(ex.submit(() -> c.personalize().listEvents()));
      }
      // CMA reads use another bucket and are not slowed by the Personalize one.
      long cmaStart = System.nanoTime();
      c.cma().listAllVariantGroups();
      long cmaMs = (System.nanoTime() - cmaStart) / 1_000_000;
      for (Future<?> f : fs) {
        f.get();
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      ex.shutdown();
      // 20 go at once, the other 5 once the first have left the window
      assertThat(ms).as("one window of 1 s").isGreaterThanOrEqualTo(990);
      assertThat(cmaMs).as("not behind the Personalize window").isLessThan(900);
    }
    // No second at the server holds more than 20 arrivals (allowing scheduling jitter).
    List<Long> arrivals =
        wm.getAllServeEvents().stream()
            .filter(e -> e.getRequest().getUrl().equals("/events"))
            .map(e -> e.getRequest().getLoggedDate().toInstant().toEpochMilli())
            .sorted(Comparator.naturalOrder())
            .toList();
    assertThat(arrivals).hasSize(n);
    for (int i = 20; i < n; i++)
      assertThat(arrivals.get(i) - arrivals.get(i - 20)).isGreaterThanOrEqualTo(980);
  }
}
