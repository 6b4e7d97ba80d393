package dev.cspctl.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.Credentials;
import dev.cspctl.api.TestClients;
import dev.cspctl.api.http.TransportConfig;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * cspctl's API clients against an in-process WireMock server, made fresh for each test (fast
 * timeouts and retries, retry delays recorded instead of slept) and closed after it:
 *
 * <pre>{@code
 * @RegisterExtension static WireMockExtension wm = WireMockClients.server();
 * @RegisterExtension final WireMockClients api = new WireMockClients(wm, TestClients.authtoken());
 * ... wm.stubFor(...); api.clients().personalize().listEvents(); api.sleeper().delays ...
 * }</pre>
 */
public final class WireMockClients implements BeforeEachCallback, AfterEachCallback {
  private final WireMockExtension server;
  private final Credentials credentials;
  private final TransportConfig config;
  private TestClients.RecordingSleeper sleeper;
  private ContentstackClients clients;

  public WireMockClients(WireMockExtension server, Credentials credentials) {
    this(server, credentials, TestClients.fastConfig());
  }

  public WireMockClients(
      WireMockExtension server, Credentials credentials, TransportConfig config) {
    this.server = server;
    this.credentials = credentials;
    this.config = config;
  }

  /** A WireMock server on a free port, for one test class ({@code static}) or one test. */
  public static WireMockExtension server() {
    return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sleeper = new TestClients.RecordingSleeper();
    clients = TestClients.clients(server.baseUrl(), credentials, config, sleeper);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (clients != null) {
      clients.close();
    }
  }

  /** This test's clients (both APIs at the WireMock server's base URL). */
  public ContentstackClients clients() {
    return clients;
  }

  /** The retry delays this test's clients asked for. */
  public TestClients.RecordingSleeper sleeper() {
    return sleeper;
  }
}
