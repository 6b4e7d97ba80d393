package dev.cspctl.api.cma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.Api;
import dev.cspctl.api.http.ApiResponse;
import dev.cspctl.api.http.HttpTransport;
import dev.cspctl.api.http.RateBucket;
import dev.cspctl.api.http.RestCaller;
import java.util.Map;

/**
 * {@code POST /v3/user-session} (login, §1) and {@code DELETE /v3/user-session} (logout). The login
 * body is marked sensitive: it is never logged, and the returned token is registered with the
 * redactor before anything else sees it.
 */
public final class UserSession {
  private final HttpTransport transport;
  private final RestCaller rest;

  public UserSession(HttpTransport transport) {
    this.transport = transport;
    this.rest = new RestCaller(transport, Api.CMA, Map::of, null);
  }

  /** Logs in and returns the authtoken ({@code user.authtoken}). */
  public String login(String email, String password, String tfaToken) {
    ObjectMapper m = transport.codec().mapper();
    ObjectNode body = m.createObjectNode();
    ObjectNode user = body.putObject("user");
    user.put("email", email).put("password", password);
    if (tfaToken != null) {
      user.put("tfa_token", tfaToken);
    }
    RestCaller.Call call =
        rest.call("POST", "/v3/user-session", body, RateBucket.CMA_WRITE, Map.of(), true, false);
    ApiResponse resp = call.exchange();
    JsonNode tree = transport.codec().tree(call.request(), resp);
    JsonNode token = tree.path("user").path("authtoken");
    if (!token.isTextual() || token.asText().isBlank()) {
      throw transport
          .codec()
          .bad(call.request(), resp, "missing required field 'user.authtoken'", null);
    }
    transport.redactor().addSecret(token.asText());
    return token.asText();
  }

  public void logout(String authtoken) {
    rest.call(
            "DELETE",
            "/v3/user-session",
            null,
            RateBucket.CMA_WRITE,
            Map.of("authtoken", authtoken),
            false,
            false)
        .discard();
  }
}
