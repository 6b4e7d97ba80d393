package dev.cspctl.api;

import dev.cspctl.api.cma.CmaClient;
import dev.cspctl.api.cma.UserSession;
import dev.cspctl.api.http.HttpTransport;
import dev.cspctl.api.http.Redactor;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.api.personalize.PersonalizeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires one run's clients: a shared {@link HttpTransport} (one policy, one set of rate buckets), an
 * {@link AuthSession} that logs in at most once, and both typed clients. Closing it logs out a
 * session it opened (a user holds at most 20 authtokens, §0) and releases connections.
 *
 * <pre>{@code
 * try (var c = ContentstackClients.create(Credentials.fromEnvironment(System.getenv()),
 *     ApiEndpoints.fromEnvironment(System.getenv()), TransportConfig.defaults())) {
 *   c.personalize().listExperiences();
 * }
 * }</pre>
 */
public final class ContentstackClients implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContentstackClients.class);
  private final HttpTransport transport;
  private final AuthSession session;
  private final UserSession userSession;
  private final PersonalizeClient personalize;
  private final CmaClient cma;

  private ContentstackClients(HttpTransport transport, Credentials credentials) {
    this.transport = transport;
    transport.describeCredentials(credentials::variableFor);
    this.userSession = new UserSession(transport);
    this.session = new AuthSession(credentials, userSession::login, transport.redactor());
    this.personalize = new PersonalizeClient(transport, session);
    this.cma = new CmaClient(transport, session);
  }

  public static ContentstackClients create(
      Credentials credentials, ApiEndpoints endpoints, TransportConfig config) {
    Redactor redactor = new Redactor(credentials.secrets());
    return new ContentstackClients(new HttpTransport(endpoints, config, redactor), credentials);
  }

  public static ContentstackClients create(Credentials credentials, HttpTransport transport) {
    credentials.secrets().forEach(transport.redactor()::addSecret);
    return new ContentstackClients(transport, credentials);
  }

  public PersonalizeClient personalize() {
    return personalize;
  }

  public CmaClient cma() {
    return cma;
  }

  public AuthSession session() {
    return session;
  }

  public HttpTransport transport() {
    return transport;
  }

  @Override
  public void close() {
    String token = session.loggedInToken();
    if (token != null) {
      try {
        userSession.logout(token);
      } catch (RemoteApiException e) {
        LOG.warn("logout failed: {}", e.getMessage());
      }
    }
    transport.close();
  }
}
