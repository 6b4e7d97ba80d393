package dev.cspctl.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadInputTest extends EmulatorTestBase {
  private Api.Res raw(String method, String url, String body, String contentType)
      throws IOException {
    Map<String, String> h = url.contains("/v3") ? api.cmaHeaders : api.personalizeHeaders;
    return Api.raw(method, url, body, h, contentType);
  }

  @Test
  void malformedJsonIs400InEachApisShape() throws IOException {
    Api.Res p = raw("POST", emu.personalizeUrl() + "/attributes", "{\"name\":", "application/json");
    assertThat(p.status()).isEqualTo(400);
    assertThat(p.body().path("statusCode").asInt()).isEqualTo(400);
    assertThat(p.text("/message")).startsWith("Malformed JSON body");
    Api.Res c = raw("PUT", emu.cmaUrl() + "/variant_groups/csx", "nope{", "application/json");
    assertThat(c.status()).isEqualTo(400);
    assertThat(c.body().has("error_message")).isTrue();
  }

  @Test
  void wrongContentTypeIs415() throws IOException {
    Api.Res r =
        raw(
            "POST",
            emu.personalizeUrl() + "/attributes",
            "{\"name\":\"a\",\"key\":\"a\"}",
            "text/plain");
    assertThat(r.status()).isEqualTo(415);
    assertThat(api.p("GET", "/attributes", null).body().size()).isZero();
  }

  @Test
  void oversizedBodyIs413() throws IOException {
    String big =
        "{\"name\":\"" + "x".repeat(EmulatorAssumptions.MAX_BODY_BYTES) + "\",\"key\":\"k\"}";
    Api.Res r = raw("POST", emu.personalizeUrl() + "/attributes", big, "application/json");
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.body().has("message")).isTrue();
  }

  @Test
  void unknownRoutesAndWrongMethods() throws IOException {
    Api.Res p = api.p("GET", "/nope", null);
    assertThat(p.status()).isEqualTo(404);
    assertThat(p.text("/message")).isEqualTo("Cannot GET /nope");
    Api.Res wrong = raw("PATCH", emu.personalizeUrl() + "/attributes", "{}", "application/json");
    assertThat(wrong.status()).isEqualTo(404);
    assertThat(wrong.text("/message")).isEqualTo("Cannot PATCH /attributes");
    Api.Res c = api.c("GET", "/nope", null);
    assertThat(c.status()).isEqualTo(404);
    assertThat(c.body().has("error_message")).isTrue();
    Api.Res m = api.c("DELETE", "/variant_groups", null);
    assertThat(m.status()).isEqualTo(405);
    assertThat(m.body().has("error_message")).isTrue();
    assertThat(
            Api.raw("GET", emu.baseUrl() + "/_emulator/nope", null, Map.of(), "application/json")
                .status())
        .isEqualTo(404);
  }

  @Test
  void wrongJsonTypesNeverGive500() throws IOException {
    String[] bodies = {
      "[]",
      "1",
      "\"s\"",
      "null",
      "{\"name\":1,\"key\":[]}",
      "{\"definition\":[1]}",
      "{\"name\":\"n\",\"definition\":{\"__type\":\"RuleCombination\",\"combinationType\":\"AND\",\"rules\":[1,null,{}]}}",
      "{\"status\":1,\"variants\":[1,\"x\",null]}",
      "{\"priorityOrder\":[1,{}]}"
    };
    String exp = api.experience("E", "SEGMENTED");
    String[] paths = {
      "/attributes",
      "/events",
      "/audiences",
      "/experiences",
      "/experiences/" + exp + "/versions/" + api.latestVersion(exp),
      "/experiences-priority"
    };
    for (String path : paths) {
      for (String b : bodies) {
        String method = path.contains("versions") || path.contains("priority") ? "PUT" : "POST";
        Api.Res r = raw(method, emu.personalizeUrl() + path, b, "application/json");
        assertThat(r.status()).as(method + " " + path + " " + b + " -> " + r).isBetween(400, 499);
      }
    }
    String[] cmaPaths = {
      "/variant_groups/x",
      "/bulk/publish",
      "/content_types/hero_banner/entries/blt0123456789abcdef/publish",
      "/content_types/hero_banner/entries/blt0123456789abcdef/variants/csx",
      "/user-session"
    };
    for (String path : cmaPaths) {
      for (String b : bodies) {
        String method = path.contains("publish") || path.contains("session") ? "POST" : "PUT";
        Api.Res r = raw(method, emu.cmaUrl() + path, b, "application/json");
        assertThat(r.status()).as(method + " " + path + " " + b + " -> " + r).isBetween(400, 499);
      }
    }
    assertThat(emu.requestLog()).noneMatch(e -> e.status() >= 500);
  }

  @Test
  void adminPathsServeStateRequestsCountersAndReset() throws IOException {
    api.attribute("age");
    assertThat(
            Api.raw("GET", emu.baseUrl() + "/_emulator/state", null, Map.of(), "application/json")
                .body()
                .path("attributes")
                .size())
        .isEqualTo(1);
    assertThat(
            Api.raw(
                    "GET",
                    emu.baseUrl() + "/_emulator/requests",
                    null,
                    Map.of(),
                    "application/json")
                .body()
                .get(0)
                .path("path")
                .asText())
        .isEqualTo("/attributes");
    assertThat(
            Api.raw(
                    "GET",
                    emu.baseUrl() + "/_emulator/counters",
                    null,
                    Map.of(),
                    "application/json")
                .body()
                .path("PERSONALIZE")
                .path("requests")
                .asLong())
        .isGreaterThanOrEqualTo(1);
    assertThat(
            Api.raw("POST", emu.baseUrl() + "/_emulator/reset", "", Map.of(), "application/json")
                .status())
        .isEqualTo(200);
    assertThat(api.p("GET", "/attributes", null).body().size()).isZero();
  }

  @Test
  void headAndMalformedQueryEscapesAreNot500() throws IOException {
    assertThat(raw("HEAD", emu.personalizeUrl() + "/attributes", null, "application/json").status())
        .isEqualTo(404);
    Api.Res r =
        api.c(
            "GET",
            "/content_types/hero_banner/entries/blt0123456789abcdef/variants?locale=%25zz&limit=abc",
            null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().path("entries").size()).isZero();
    try (java.net.Socket socket =
        new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), emu.port())) {
      String req =
          "GET /v3/content_types?skip=%zz HTTP/1.1\r\nHost: x\r\napi_key: "
              + emu.credentials().apiKey()
              + "\r\nauthorization: "
              + emu.credentials().managementToken()
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String statusLine =
          new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), UTF_8))
              .readLine();
      assertThat(statusLine).startsWith("HTTP/1.1 ").doesNotStartWith("HTTP/1.1 5");
    }
    assertThat(emu.requestLog()).noneMatch(e -> e.status() >= 500);
  }
}
