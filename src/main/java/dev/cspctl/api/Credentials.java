package dev.cspctl.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who cspctl acts as, and on which stack/project. Exactly one Personalize identity is used, in this
 * order: OAuth token, authtoken, email+password (logged in once per run via {@code POST
 * /v3/user-session}, see {@link AuthSession}). The CMA uses the management token when present, else
 * the same user token.
 *
 * <p>{@link #toString()} never prints secrets.
 */
public record Credentials(
    String authtoken,
    String oauthToken,
    String email,
    String password,
    String tfaToken,
    String managementToken,
    String apiKey,
    String projectUid,
    String branch) {

  public static final String ENV_AUTHTOKEN = "CONTENTSTACK_AUTHTOKEN";
  public static final String ENV_OAUTH_TOKEN = "CONTENTSTACK_OAUTH_TOKEN";
  public static final String ENV_EMAIL = "CONTENTSTACK_EMAIL";
  public static final String ENV_PASSWORD = "CONTENTSTACK_PASSWORD";
  public static final String ENV_TFA_TOKEN = "CONTENTSTACK_TFA_TOKEN";
  public static final String ENV_MANAGEMENT_TOKEN = "CONTENTSTACK_MANAGEMENT_TOKEN";
  public static final String ENV_API_KEY = "CONTENTSTACK_API_KEY";
  public static final String ENV_PROJECT_UID = "CONTENTSTACK_PERSONALIZE_PROJECT_UID";

  public Credentials {
    authtoken = trim(authtoken);
    oauthToken = trim(oauthToken);
    email = trim(email);
    password = password == null || password.isEmpty() ? null : password;
    tfaToken = trim(tfaToken);
    managementToken = trim(managementToken);
    apiKey = trim(apiKey);
    projectUid = trim(projectUid);
    branch = trim(branch);
  }

  public static Credentials ofAuthtoken(String authtoken, String apiKey, String projectUid) {
    return new Credentials(authtoken, null, null, null, null, null, apiKey, projectUid, null);
  }

  /**
   * Reads the variables of cli.md. {@code CONTENTSTACK_API_KEY} and the project uid may be absent
   * here (they can come from cspctl.yaml, see {@link #withTargetDefaults}); user credentials may
   * not.
   *
   * @throws MissingCredentialsException naming the missing variables and pointing at --sandbox
   */
  public static Credentials fromEnvironment(Map<String, String> env) {
    for (String name : HEADER_VARIABLES) requireHeaderSafe(name, env.get(name));
    Credentials c =
        new Credentials(
            env.get(ENV_AUTHTOKEN),
            env.get(ENV_OAUTH_TOKEN),
            env.get(ENV_EMAIL),
            env.get(ENV_PASSWORD),
            env.get(ENV_TFA_TOKEN),
            env.get(ENV_MANAGEMENT_TOKEN),
            env.get(ENV_API_KEY),
            env.get(ENV_PROJECT_UID),
            null);
    c.requireUserIdentity();
    return c;
  }

  /** Variables whose values travel in HTTP headers, which carry visible ASCII only. */
  private static final List<String> HEADER_VARIABLES =
      List.of(
          ENV_AUTHTOKEN,
          ENV_OAUTH_TOKEN,
          ENV_TFA_TOKEN,
          ENV_MANAGEMENT_TOKEN,
          ENV_API_KEY,
          ENV_PROJECT_UID);

  /**
   * Refuses a value a header cannot carry unchanged (a line break, a control or non-ASCII
   * character): sent anyway it would be mangled or split the request. The value is never shown.
   */
  static void requireHeaderSafe(String name, String value) {
    if (value == null) return;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String what =
          c == '\r' || c == '\n'
              ? "a line break (CR/LF)"
              : c < 0x20 || c == 0x7f
                  ? "a control character"
                  : c > 0x7e ? "a non-ASCII character" : null;
      if (what != null) {
        throw new InvalidCredentialsException(
            name
                + " holds "
                + what
                + " at position "
                + (i + 1)
                + " of "
                + value.length()
                + "; tokens and keys are sent in HTTP headers, which take visible ASCII only:"
                + " copy the value again without it");
      }
    }
  }

  /**
   * Fills api key / project uid / branch from cspctl.yaml where the environment left them unset.
   */
  public Credentials withTargetDefaults(String apiKey, String projectUid, String branch) {
    return new Credentials(
        authtoken,
        oauthToken,
        email,
        password,
        tfaToken,
        managementToken,
        this.apiKey != null ? this.apiKey : apiKey,
        this.projectUid != null ? this.projectUid : projectUid,
        this.branch != null ? this.branch : branch);
  }

  /** This set with the project uid found from the stack (see ProjectLookup). */
  public Credentials withProjectUid(String uid) {
    return new Credentials(
        authtoken, oauthToken, email, password, tfaToken, managementToken, apiKey, uid, branch);
  }

  /** A stack API key but no project uid: the project is to be looked up from the stack. */
  public boolean projectFromStack() {
    return projectUid == null && apiKey != null;
  }

  /** Fails, naming every missing variable, unless a Personalize identity and the target are set. */
  public Credentials requireComplete() {
    requireUserIdentity();
    List<String> missing = new ArrayList<>();
    if (apiKey == null) {
      missing.add(ENV_API_KEY);
    }
    if (projectUid == null) {
      missing.add(ENV_PROJECT_UID);
    }
    if (!missing.isEmpty()) {
      throw new MissingCredentialsException(
          "missing "
              + String.join(", ", missing)
              + " (set the environment variable(s) or the value in cspctl.yaml), or use --sandbox to"
              + " run against the local emulator");
    }
    return this;
  }

  private void requireUserIdentity() {
    if (oauthToken != null || authtoken != null || (email != null && password != null)) {
      return;
    }
    if (email != null) {
      throw new MissingCredentialsException(
          ENV_EMAIL
              + " is set but "
              + ENV_PASSWORD
              + " is missing; or use --sandbox to run against the local emulator");
    }
    if (password != null) {
      throw new MissingCredentialsException(
          ENV_PASSWORD
              + " is set but "
              + ENV_EMAIL
              + " is missing; or use --sandbox to run against the local emulator");
    }
    if (managementToken != null) {
      throw new MissingCredentialsException(
          "only "
              + ENV_MANAGEMENT_TOKEN
              + " is set, and the Personalize API needs a"
              + " user token: set "
              + ENV_AUTHTOKEN
              + ", or "
              + ENV_OAUTH_TOKEN
              + ", or "
              + ENV_EMAIL
              + " and "
              + ENV_PASSWORD
              + " (the management token is still used for the CMA). Or use --sandbox to run against the local emulator");
    }
    throw new MissingCredentialsException(
        "no Contentstack credentials: set "
            + ENV_AUTHTOKEN
            + ", or "
            + ENV_OAUTH_TOKEN
            + ", or "
            + ENV_EMAIL
            + " and "
            + ENV_PASSWORD
            + " (plus "
            + ENV_TFA_TOKEN
            + " with 2FA); the Personalize API does not accept "
            + ENV_MANAGEMENT_TOKEN
            + " alone. Or use --sandbox to run against the local emulator");
  }

  /** The variable(s) whose credential is sent to {@code api} (see {@link AuthSession}). */
  public String variableFor(Api api) {
    if (api == Api.CMA && managementToken != null) return ENV_MANAGEMENT_TOKEN;
    if (oauthToken != null) return ENV_OAUTH_TOKEN;
    if (authtoken != null) return ENV_AUTHTOKEN;
    return "the login of " + ENV_EMAIL + " / " + ENV_PASSWORD;
  }

  public boolean needsLogin() {
    return oauthToken == null && authtoken == null && email != null && password != null;
  }

  /** All secret values held (for redaction). */
  public List<String> secrets() {
    List<String> s = new ArrayList<>();
    for (String v : new String[] {authtoken, oauthToken, password, tfaToken, managementToken}) {
      if (v != null) {
        s.add(v);
      }
    }
    return s;
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public String toString() {
    return "Credentials[identity="
        + (oauthToken != null
            ? "oauth"
            : authtoken != null ? "authtoken" : email != null ? "login(" + email + ")" : "none")
        + ", managementToken="
        + (managementToken != null ? "***" : "none")
        + ", apiKey="
        + apiKey
        + ", projectUid="
        + projectUid
        + ", branch="
        + branch
        + "]";
  }

  /** A credential holds characters it cannot be sent with. */
  public static final class InvalidCredentialsException extends IllegalStateException {
    public InvalidCredentialsException(String message) {
      super(message);
    }
  }

  /** Credentials are missing or incomplete. */
  public static final class MissingCredentialsException extends IllegalStateException {
    public MissingCredentialsException(String message) {
      super(message);
    }
  }
}
