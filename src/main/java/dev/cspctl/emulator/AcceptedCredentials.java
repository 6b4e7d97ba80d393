package dev.cspctl.emulator;

import java.util.Map;

/**
 * The credentials the emulator accepts (and the login returns). Values come from the cli.md
 * environment variables when set, else from {@link SandboxCredentials}.
 */
public record AcceptedCredentials(
    String authtoken,
    String oauthToken,
    String managementToken,
    String apiKey,
    String projectUid,
    String email,
    String password,
    String tfaToken) {

  /** The fixed public sandbox credentials (no TFA). */
  public static AcceptedCredentials sandbox() {
    return new AcceptedCredentials(
        SandboxCredentials.AUTHTOKEN,
        SandboxCredentials.OAUTH_TOKEN,
        SandboxCredentials.MANAGEMENT_TOKEN,
        SandboxCredentials.API_KEY,
        SandboxCredentials.PROJECT_UID,
        SandboxCredentials.EMAIL,
        SandboxCredentials.PASSWORD,
        SandboxCredentials.TFA_TOKEN);
  }

  /** Each value from its environment variable when set (non-blank), else the sandbox value. */
  public static AcceptedCredentials fromEnvironment(Map<String, String> env) {
    AcceptedCredentials s = sandbox();
    return new AcceptedCredentials(
        pick(env, "CONTENTSTACK_AUTHTOKEN", s.authtoken),
        pick(env, "CONTENTSTACK_OAUTH_TOKEN", s.oauthToken),
        pick(env, "CONTENTSTACK_MANAGEMENT_TOKEN", s.managementToken),
        pick(env, "CONTENTSTACK_API_KEY", s.apiKey),
        pick(env, "CONTENTSTACK_PERSONALIZE_PROJECT_UID", s.projectUid),
        pick(env, "CONTENTSTACK_EMAIL", s.email),
        pick(env, "CONTENTSTACK_PASSWORD", s.password),
        pick(env, "CONTENTSTACK_TFA_TOKEN", s.tfaToken));
  }

  private static String pick(Map<String, String> env, String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** Never print secrets. */
  @Override
  public String toString() {
    return "AcceptedCredentials[projectUid="
        + projectUid
        + ", email="
        + email
        + ", secrets=<redacted>]";
  }
}
