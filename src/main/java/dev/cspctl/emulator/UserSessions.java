package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** POST/DELETE /v3/user-session: login returns the configured authtoken. */
final class UserSessions {
  private final AcceptedCredentials c;

  UserSessions(AcceptedCredentials c) {
    this.c = c;
  }

  void register(Router r) {
    r.add("POST", "/v3/user-session", this::login);
    r.add("DELETE", "/v3/user-session", this::logout);
  }

  private Response login(Request q) {
    JsonNode user = q.object().path("user");
    String email = Json.text(user, "email");
    String password = Json.text(user, "password");
    if (c.email() == null
        || !c.email().equalsIgnoreCase(String.valueOf(email))
        || !String.valueOf(c.password()).equals(password)) {
      throw ApiException.cma(
          401,
          "Looks like your email or password is invalid. Please try again or reset your password.",
          EmulatorAssumptions.CMA_CODE_LOGIN_FAILED,
          "password",
          "is invalid");
    }
    if (c.tfaToken() != null) {
      String tfa = Json.text(user, "tfa_token");
      if (tfa == null) {
        throw ApiException.cma(
            EmulatorAssumptions.TFA_REQUIRED_STATUS,
            "Please login using the Two-Factor verification Token",
            EmulatorAssumptions.CMA_CODE_TFA_REQUIRED);
      }
      if (!tfa.equals(c.tfaToken())) {
        throw ApiException.cma(
            401,
            "The Two-Factor verification token is invalid.",
            EmulatorAssumptions.CMA_CODE_LOGIN_FAILED,
            "tfa_token",
            "is invalid");
      }
    }
    ObjectNode body = Json.object();
    body.put("notice", "Login Successful.");
    ObjectNode u = body.putObject("user");
    u.put("uid", "blt5a4d1f0e0c0ffee0");
    u.put("email", c.email());
    u.put("first_name", "Sandbox");
    u.put("last_name", "User");
    u.put("authtoken", c.authtoken());
    u.set("org_uid", Json.array(List.of("blt0rg0000000000000")));
    return Response.ok(body);
  }

  private Response logout(Request q) {
    if (q.header("authtoken") == null || !q.header("authtoken").equals(c.authtoken())) {
      throw ApiException.cma(
          401,
          EmulatorAssumptions.NOT_LOGGED_IN,
          EmulatorAssumptions.CMA_CODE_UNAUTHORIZED,
          "authtoken",
          "is not valid.");
    }
    ObjectNode body = Json.object();
    body.put("notice", "You've logged out successfully.");
    return Response.ok(body);
  }
}
