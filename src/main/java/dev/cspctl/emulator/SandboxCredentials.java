package dev.cspctl.emulator;

/** Fixed public sandbox credentials, used when the environment sets none. Not secrets. */
public final class SandboxCredentials {
  private SandboxCredentials() {}

  public static final String AUTHTOKEN = "sandbox-authtoken";
  public static final String OAUTH_TOKEN = "sandbox-oauth-token";
  public static final String MANAGEMENT_TOKEN = "sandbox-management-token";
  public static final String API_KEY = "blt0123456789abcdef";
  public static final String PROJECT_UID = "65f0c0ffee0123456789abcd";
  public static final String EMAIL = "sandbox@example.com";
  public static final String PASSWORD = "sandbox-password";

  /** No TFA by default (null): login needs no tfa_token. */
  public static final String TFA_TOKEN = null;
}
