package dev.cspctl.api;

import dev.cspctl.api.http.Redactor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns {@link Credentials} into request headers for each API. With email+password it logs in once
 * per run (lazily, on first use, thread-safe) and caches the authtoken; the token is registered
 * with the {@link Redactor}.
 *
 * <ul>
 *   <li>Personalize: {@code authorization: Bearer <oauth>} (prefix: {@link
 *       ApiAssumptions#OAUTH_PREFIX}) or {@code authtoken}, plus {@code x-project-uid}. Management
 *       tokens are never sent to Personalize (it rejects them).
 *   <li>CMA: {@code api_key} plus {@code authorization: <management token>}, else the OAuth token
 *       or {@code authtoken}; plus {@code branch} when set.
 * </ul>
 */
public final class AuthSession {
  /** Performs {@code POST /v3/user-session} and returns the authtoken. */
  @FunctionalInterface
  public interface Login {
    String login(String email, String password, String tfaToken);
  }

  private final Credentials credentials;
  private final Login login;
  private final Redactor redactor;
  private volatile String loggedInToken;

  public AuthSession(Credentials credentials, Login login, Redactor redactor) {
    this.credentials = Objects.requireNonNull(credentials);
    this.login = login;
    this.redactor = redactor;
    credentials.secrets().forEach(redactor::addSecret);
  }

  public Credentials credentials() {
    return credentials;
  }

  /** The authtoken obtained by logging in during this run, or null. */
  public String loggedInToken() {
    return loggedInToken;
  }

  /** The user's Personalize token alone, as {@code /projects} takes it (no x-project-uid). */
  public Map<String, String> personalizeUserHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    if (credentials.oauthToken() != null) {
      h.put("authorization", ApiAssumptions.OAUTH_PREFIX + credentials.oauthToken());
    } else {
      h.put("authtoken", userAuthtoken());
    }
    return h;
  }

  public Map<String, String> personalizeHeaders() {
    Map<String, String> h = personalizeUserHeaders();
    if (credentials.projectUid() == null) {
      throw new Credentials.MissingCredentialsException(
          "missing "
              + Credentials.ENV_PROJECT_UID
              + " (or project uid in cspctl.yaml); or use --sandbox");
    }
    h.put("x-project-uid", credentials.projectUid());
    return h;
  }

  public Map<String, String> cmaHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    if (credentials.apiKey() == null) {
      throw new Credentials.MissingCredentialsException(
          "missing " + Credentials.ENV_API_KEY + " (or api key in cspctl.yaml); or use --sandbox");
    }
    h.put("api_key", credentials.apiKey());
    if (credentials.managementToken() != null) {
      h.put("authorization", credentials.managementToken());
    } else if (credentials.oauthToken() != null) {
      h.put("authorization", ApiAssumptions.OAUTH_PREFIX + credentials.oauthToken());
    } else {
      h.put("authtoken", userAuthtoken());
    }
    if (credentials.branch() != null) {
      h.put("branch", credentials.branch());
    }
    return h;
  }

  private String userAuthtoken() {
    if (credentials.authtoken() != null) {
      return credentials.authtoken();
    }
    String t = loggedInToken;
    if (t != null) {
      return t;
    }
    synchronized (this) {
      if (loggedInToken == null) {
        if (!credentials.needsLogin() || login == null) {
          throw new Credentials.MissingCredentialsException(
              "no user token: set "
                  + Credentials.ENV_AUTHTOKEN
                  + ", "
                  + Credentials.ENV_OAUTH_TOKEN
                  + ", or "
                  + Credentials.ENV_EMAIL
                  + " + "
                  + Credentials.ENV_PASSWORD
                  + "; or use --sandbox");
        }
        String token =
            login.login(credentials.email(), credentials.password(), credentials.tfaToken());
        redactor.addSecret(token);
        loggedInToken = token;
      }
      return loggedInToken;
    }
  }
}
