package dev.cspctl.emulator;

import java.util.Objects;
import java.util.function.Supplier;

/** Checks each API's credentials the way the real services do (see EmulatorAssumptions). */
final class Auth {
  private final AcceptedCredentials c;
  private final Supplier<String> projectUid;

  Auth(AcceptedCredentials c, Supplier<String> projectUid) {
    this.c = c;
    this.projectUid = projectUid;
  }

  /** The user's token alone (authtoken, or authorization: Bearer OAuth), as /projects takes it. */
  void personalizeUser(Request r) {
    boolean ok = eq(c.authtoken(), r.header("authtoken")) || isOauth(r.header("authorization"));
    if (!ok) {
      throw ApiException.business(401, EmulatorAssumptions.NOT_LOGGED_IN);
    }
  }

  /**
   * authtoken, or authorization: Bearer OAuth; plus x-project-uid of the current project.
   * Management tokens fail.
   */
  void personalize(Request r) {
    personalizeUser(r);
    String project = r.header("x-project-uid");
    if (project == null || project.isBlank()) {
      throw ApiException.business(
          EmulatorAssumptions.MISSING_PROJECT_STATUS, EmulatorAssumptions.PROJECT_MESSAGE);
    }
    if (!project.equals(projectUid.get())) {
      throw ApiException.business(
          EmulatorAssumptions.WRONG_PROJECT_STATUS, EmulatorAssumptions.PROJECT_MESSAGE);
    }
  }

  /** api_key (412), then management token / authtoken / OAuth (401). */
  void cma(Request r) {
    String apiKey = r.header("api_key");
    String authorization = r.header("authorization");
    boolean tokenOk =
        eq(c.managementToken(), authorization)
            || isOauth(authorization)
            || eq(c.authtoken(), r.header("authtoken"));
    boolean keyOk = eq(c.apiKey(), apiKey);
    if (EmulatorAssumptions.CMA_CHECKS_API_KEY_FIRST && !keyOk) {
      throw ApiException.cma(
          412,
          "Api Key is not valid.",
          EmulatorAssumptions.CMA_CODE_API_KEY,
          "api_key",
          "is not valid.");
    }
    if (!tokenOk) {
      throw ApiException.cma(
          401,
          EmulatorAssumptions.NOT_LOGGED_IN,
          EmulatorAssumptions.CMA_CODE_UNAUTHORIZED,
          "authorization",
          "is not valid.");
    }
    if (!keyOk) {
      throw ApiException.cma(
          412,
          "Api Key is not valid.",
          EmulatorAssumptions.CMA_CODE_API_KEY,
          "api_key",
          "is not valid.");
    }
  }

  private boolean isOauth(String authorization) {
    if (authorization == null || c.oauthToken() == null) {
      return false;
    }
    return authorization.equals("Bearer " + c.oauthToken())
        || (EmulatorAssumptions.PERSONALIZE_ACCEPTS_BARE_OAUTH
            && authorization.equals(c.oauthToken()));
  }

  private static boolean eq(String expected, String actual) {
    return expected != null && actual != null && Objects.equals(expected, actual);
  }
}
