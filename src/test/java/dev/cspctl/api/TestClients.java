package dev.cspctl.api;

import dev.cspctl.api.http.HttpTransport;
import dev.cspctl.api.http.Redactor;
import dev.cspctl.api.http.Sleeper;
import dev.cspctl.api.http.TransportConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fast transport settings and client wiring for tests against a local fake server. */
public final class TestClients {
  public static final String PROJECT = "66aaaaaaaaaaaaaaaaaaaaaa";
  public static final String API_KEY = "blt0000apikey";
  public static final String AUTHTOKEN = "blt-authtoken-secret-1111";
  public static final String MGMT = "cs-mgmt-token-secret-2222";

  private TestClients() {}

  public static TransportConfig fastConfig() {
    return TransportConfig.defaults()
        .withTimeouts(Duration.ofMillis(1000), Duration.ofMillis(400))
        .withRates(10_000, 10_000, 10_000, 10_000, 1_000)
        .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(4), 42);
  }

  /** Records every retry delay instead of sleeping. */
  public static final class RecordingSleeper implements Sleeper {
    public final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration d) {
      delays.add(d);
    }
  }

  public static ContentstackClients clients(
      String baseUrl, Credentials c, TransportConfig cfg, Sleeper sleeper) {
    HttpTransport t =
        new HttpTransport(
            ApiEndpoints.of(baseUrl, baseUrl), cfg, new Redactor(c.secrets()), sleeper);
    return ContentstackClients.create(c, t);
  }

  public static ContentstackClients clients(String baseUrl, Credentials c) {
    return clients(baseUrl, c, fastConfig(), new RecordingSleeper());
  }

  public static Credentials authtoken() {
    return Credentials.ofAuthtoken(AUTHTOKEN, API_KEY, PROJECT);
  }

  public static Credentials authtokenAndMgmt(String branch) {
    return new Credentials(AUTHTOKEN, null, null, null, null, MGMT, API_KEY, PROJECT, branch);
  }
}
