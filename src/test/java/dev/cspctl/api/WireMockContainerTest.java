package dev.cspctl.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The client against a real WireMock server in Docker (exercises real TCP, the image's HTTP stack
 * and stubs registered through the admin API). Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class WireMockContainerTest {
  @Container
  static final GenericContainer<?> WIREMOCK =
      new GenericContainer<>(DockerImageName.parse("wiremock/wiremock:3.13.2"))
          .withExposedPorts(8080)
          .waitingFor(Wait.forHttp("/__admin/mappings").forStatusCode(200));

  @Test
  void listsEventsThroughTheContainer() throws Exception {
    String base = "http://" + WIREMOCK.getHost() + ":" + WIREMOCK.getMappedPort(8080);
    String stub = "{\"request\":{\"method\":\"GET\",\"url\":\"/events\",\"headers\":{"
        + "\"authtoken\":{\"equalTo\":\"" + TestClients.AUTHTOKEN + "\"},"
        + "\"x-project-uid\":{\"equalTo\":\"" + TestClients.PROJECT + "\"}}},"
        + "\"response\":{\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
        + "\"body\":\"[{\\\"uid\\\":\\\"65f0e0a1b2c3d4e5f6a7b803\\\",\\\"key\\\":\\\"signup\\\"}]\"}}";
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base + "/__admin/mappings"))
        .POST(HttpRequest.BodyPublishers.ofString(stub)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);

    // Docker may map to a non-loopback host (e.g. a remote DOCKER_HOST): plain http is then
    // refused by ApiEndpoints, which is the intended policy, so only loopback hosts run the call.
    org.junit.jupiter.api.Assumptions.assumeTrue(
        WIREMOCK.getHost().equals("localhost") || WIREMOCK.getHost().startsWith("127."),
        "container host is not loopback");
    try (ContentstackClients c = TestClients.clients(base, TestClients.authtoken())) {
      assertThat(c.personalize().listEvents()).extracting(e -> e.key()).containsExactly("signup");
    }
  }
}
