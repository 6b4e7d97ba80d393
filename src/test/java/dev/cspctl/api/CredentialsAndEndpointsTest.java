package dev.cspctl.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsAndEndpointsTest {

  @Test
  void readsEnvironment() {
    Credentials c =
        Credentials.fromEnvironment(
            Map.of(
                "CONTENTSTACK_EMAIL",
                "a@b.c",
                "CONTENTSTACK_PASSWORD",
                "pw",
                "CONTENTSTACK_TFA_TOKEN",
                "1",
                "CONTENTSTACK_MANAGEMENT_TOKEN",
                "cs-m",
                "CONTENTSTACK_API_KEY",
                "blt1",
                "CONTENTSTACK_PERSONALIZE_PROJECT_UID",
                "p"));
    assertThat(c.needsLogin()).isTrue();
    assertThat(c.managementToken()).isEqualTo("cs-m");
    assertThat(c.apiKey()).isEqualTo("blt1");
    assertThat(c.toString()).doesNotContain("pw", "cs-m").contains("login(a@b.c)");
  }

  @Test
  void missingCredentialsNameTheVariablesAndSandbox() {
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of()))
        .isInstanceOf(Credentials.MissingCredentialsException.class)
        .hasMessageContaining("CONTENTSTACK_AUTHTOKEN")
        .hasMessageContaining("CONTENTSTACK_OAUTH_TOKEN")
        .hasMessageContaining("CONTENTSTACK_EMAIL and CONTENTSTACK_PASSWORD")
        .hasMessageContaining("--sandbox");
    assertThatThrownBy(
            () -> Credentials.fromEnvironment(Map.of("CONTENTSTACK_MANAGEMENT_TOKEN", "x")))
        .hasMessageStartingWith(
            "only CONTENTSTACK_MANAGEMENT_TOKEN is set, and the Personalize API needs a user token: set"
                + " CONTENTSTACK_AUTHTOKEN, or CONTENTSTACK_OAUTH_TOKEN, or CONTENTSTACK_EMAIL and CONTENTSTACK_PASSWORD");
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("CONTENTSTACK_EMAIL", "a@b.c")))
        .hasMessage(
            "CONTENTSTACK_EMAIL is set but CONTENTSTACK_PASSWORD is missing; or use"
                + " --sandbox to run against the local emulator");
    Credentials noTarget = Credentials.fromEnvironment(Map.of("CONTENTSTACK_AUTHTOKEN", "t"));
    assertThatThrownBy(noTarget::requireComplete)
        .hasMessageContaining("CONTENTSTACK_API_KEY, CONTENTSTACK_PERSONALIZE_PROJECT_UID")
        .hasMessageContaining("--sandbox");
    assertThat(noTarget.withTargetDefaults("k", "p", null).requireComplete().projectUid())
        .isEqualTo("p");
  }

  @Test
  void regions() {
    assertThat(Region.parse("eu").endpoints())
        .isEqualTo(
            ApiEndpoints.of(
                "https://eu-personalize-api.contentstack.com", "https://eu-api.contentstack.com"));
    assertThat(Region.parse("NA").endpoints().cmaBase().toString())
        .isEqualTo("https://api.contentstack.io");
    assertThat(Region.parse("gcp-eu").endpoints().personalizeBase().toString())
        .isEqualTo("https://gcp-eu-personalize-api.contentstack.com");
    assertThat(Region.values()).hasSize(7);
    assertThatThrownBy(() -> Region.parse("mars")).hasMessageContaining("azure-na");
  }

  @Test
  void environmentOverridesRegion() {
    ApiEndpoints e =
        ApiEndpoints.fromEnvironment(
            Map.of("CONTENTSTACK_REGION", "au", "CSPCTL_CMA_URL", "http://127.0.0.1:8080/"));
    assertThat(e.personalizeBase().toString())
        .isEqualTo("https://au-personalize-api.contentstack.com");
    assertThat(e.cmaBase().toString()).isEqualTo("http://127.0.0.1:8080");
  }

  @Test
  void cmaBaseWithV3SuffixIsAccepted() {
    assertThat(
            ApiEndpoints.of("https://p.example.com", "https://api.contentstack.io/v3/")
                .cmaBase()
                .toString())
        .isEqualTo("https://api.contentstack.io");
    assertThat(ApiEndpoints.of("http://127.0.0.1:9/", "http://127.0.0.1:9/v3").cmaBase().toString())
        .isEqualTo("http://127.0.0.1:9");
  }

  @Test
  void plainHttpOnlyToLoopback() {
    ApiEndpoints.of("http://localhost:1", "http://127.0.0.2:2");
    ApiEndpoints.of("http://[::1]:1", "https://example.com");
    assertThatThrownBy(() -> ApiEndpoints.of("http://api.example.com", "https://x.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http:// to a non-loopback host");
    assertThatThrownBy(() -> ApiEndpoints.of("https://ok.example.com", "http://10.0.0.5:8080"))
        .hasMessageContaining("CMA URL 'http://10.0.0.5:8080'");
    assertThatThrownBy(() -> ApiEndpoints.of("http://localhost.evil.com", "https://ok.example.com"))
        .hasMessageContaining("non-loopback");
    assertThatThrownBy(() -> ApiEndpoints.of("ftp://x", "https://ok.example.com"))
        .hasMessageContaining("must be an absolute https:// URL");
  }
}
