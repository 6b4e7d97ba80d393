package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthContractTest extends EmulatorTestBase {
  private final AcceptedCredentials c = AcceptedCredentials.sandbox();

  private Api.Res personalize(Map<String, String> headers) {
    return Api.send("GET", emu.personalizeUrl() + "/experiences", null, headers);
  }

  private Api.Res cma(Map<String, String> headers) {
    return Api.send("GET", emu.cmaUrl() + "/variant_groups", null, headers);
  }

  @Test
  void personalizeAcceptsAuthtokenAndOauthBearerAndBareOauth() {
    assertThat(
            personalize(Map.of("authtoken", c.authtoken(), "x-project-uid", c.projectUid()))
                .status())
        .isEqualTo(200);
    assertThat(
            personalize(
                    Map.of(
                        "authorization",
                        "Bearer " + c.oauthToken(),
                        "x-project-uid",
                        c.projectUid()))
                .status())
        .isEqualTo(200);
    assertThat(
            personalize(Map.of("authorization", c.oauthToken(), "x-project-uid", c.projectUid()))
                .status())
        .isEqualTo(200);
  }

  @Test
  void personalizeRejectsManagementTokenWith401() {
    Api.Res r =
        personalize(Map.of("authorization", c.managementToken(), "x-project-uid", c.projectUid()));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.text("/message")).isEqualTo("You're not allowed in here unless you're logged in.");
    Api.Res r2 =
        personalize(Map.of("authtoken", c.managementToken(), "x-project-uid", c.projectUid()));
    assertThat(r2.status()).isEqualTo(401);
  }

  @Test
  void personalizeRejectsMissingAndWrongProject() {
    assertThat(personalize(Map.of("authtoken", c.authtoken())).status())
        .isEqualTo(EmulatorAssumptions.MISSING_PROJECT_STATUS);
    Api.Res wrong =
        personalize(
            Map.of("authtoken", c.authtoken(), "x-project-uid", "000000000000000000000000"));
    assertThat(wrong.status()).isEqualTo(EmulatorAssumptions.WRONG_PROJECT_STATUS);
    assertThat(wrong.body().has("message")).isTrue();
    assertThat(personalize(Map.of("x-project-uid", c.projectUid())).status()).isEqualTo(401);
  }

  @Test
  void cmaAcceptsManagementTokenAuthtokenAndOauth() {
    assertThat(cma(Map.of("api_key", c.apiKey(), "authorization", c.managementToken())).status())
        .isEqualTo(200);
    assertThat(cma(Map.of("api_key", c.apiKey(), "authtoken", c.authtoken())).status())
        .isEqualTo(200);
    assertThat(
            cma(Map.of("api_key", c.apiKey(), "authorization", "Bearer " + c.oauthToken()))
                .status())
        .isEqualTo(200);
  }

  @Test
  void cmaWrongApiKeyIs412AndWrongTokenIs401InCmaShape() {
    Api.Res key = cma(Map.of("api_key", "bltnope", "authorization", c.managementToken()));
    assertThat(key.status()).isEqualTo(412);
    assertThat(key.text("/error_message")).isEqualTo("Api Key is not valid.");
    assertThat(key.body().path("error_code").asInt()).isEqualTo(109);
    assertThat(cma(Map.of("authorization", c.managementToken())).status()).isEqualTo(412);
    Api.Res tok = cma(Map.of("api_key", c.apiKey(), "authorization", "wrong"));
    assertThat(tok.status()).isEqualTo(401);
    assertThat(tok.body().has("error_message")).isTrue();
    assertThat(tok.body().has("errors")).isTrue();
  }

  @Test
  void loginReturnsConfiguredAuthtokenAndWrongPasswordIs401() {
    Api.Res ok =
        Api.send(
            "POST",
            emu.cmaUrl() + "/user-session",
            Map.of("user", Map.of("email", c.email(), "password", c.password())),
            Map.of());
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.text("/notice")).isEqualTo("Login Successful.");
    assertThat(ok.text("/user/authtoken")).isEqualTo(c.authtoken());
    Api.Res bad =
        Api.send(
            "POST",
            emu.cmaUrl() + "/user-session",
            Map.of("user", Map.of("email", c.email(), "password", "nope")),
            Map.of());
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.body().has("error_message")).isTrue();
    Api.Res out =
        Api.send(
            "DELETE", emu.cmaUrl() + "/user-session", null, Map.of("authtoken", c.authtoken()));
    assertThat(out.status()).isEqualTo(200);
  }

  @Test
  void loginNeedsTfaTokenWhenConfigured() {
    AcceptedCredentials tfa =
        AcceptedCredentials.fromEnvironment(
            Map.of("CONTENTSTACK_TFA_TOKEN", "123456", "CONTENTSTACK_AUTHTOKEN", "env-token"));
    try (Emulator e = Emulator.start(EmulatorConfig.builder().credentials(tfa).build())) {
      String url = e.cmaUrl() + "/user-session";
      assertThat(
              Api.send(
                      "POST",
                      url,
                      Map.of("user", Map.of("email", tfa.email(), "password", tfa.password())),
                      Map.of())
                  .status())
          .isEqualTo(EmulatorAssumptions.TFA_REQUIRED_STATUS);
      assertThat(
              Api.send(
                      "POST",
                      url,
                      Map.of(
                          "user",
                          Map.of(
                              "email",
                              tfa.email(),
                              "password",
                              tfa.password(),
                              "tfa_token",
                              "000000")),
                      Map.of())
                  .status())
          .isEqualTo(401);
      Api.Res ok =
          Api.send(
              "POST",
              url,
              Map.of(
                  "user",
                  Map.of("email", tfa.email(), "password", tfa.password(), "tfa_token", "123456")),
              Map.of());
      assertThat(ok.text("/user/authtoken")).isEqualTo("env-token");
    }
  }

  @Test
  void credentialsFromEnvironmentFallBackToSandbox() {
    AcceptedCredentials env =
        AcceptedCredentials.fromEnvironment(
            Map.of("CONTENTSTACK_API_KEY", "bltenv", "CONTENTSTACK_EMAIL", " "));
    assertThat(env.apiKey()).isEqualTo("bltenv");
    assertThat(env.email()).isEqualTo(SandboxCredentials.EMAIL);
    assertThat(env.projectUid()).isEqualTo(SandboxCredentials.PROJECT_UID);
    assertThat(env.toString()).doesNotContain(SandboxCredentials.PASSWORD);
  }

  @Test
  void requestLogRedactsSecrets() {
    personalize(Map.of("authtoken", c.authtoken(), "x-project-uid", c.projectUid()));
    RequestLog.Entry e = emu.requestLog().get(emu.requestLog().size() - 1);
    assertThat(e.credentials()).contains("authtoken", "x-project-uid");
    assertThat(e.toString()).doesNotContain(c.authtoken());
    assertThat(e.status()).isEqualTo(200);
  }
}
