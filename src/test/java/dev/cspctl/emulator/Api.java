package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small test client for both emulated APIs over real HTTP. */
final class Api {
  static final ObjectMapper M = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Res(int status, JsonNode body, HttpHeaders headers) {
    String text(String pointer) {
      return body.at(pointer).asText();
    }
  }

  final Emulator emu;
  final Map<String, String> personalizeHeaders = new LinkedHashMap<>();
  final Map<String, String> cmaHeaders = new LinkedHashMap<>();

  Api(Emulator emu) {
    this.emu = emu;
    AcceptedCredentials c = emu.credentials();
    personalizeHeaders.put("authtoken", c.authtoken());
    personalizeHeaders.put("x-project-uid", c.projectUid());
    cmaHeaders.put("api_key", c.apiKey());
    cmaHeaders.put("authorization", c.managementToken());
  }

  static ObjectNode json(String s) {
    try {
      return (ObjectNode) M.readTree(s.replace('\'', '"'));
    } catch (IOException e) {
      throw new IllegalArgumentException(s, e);
    }
  }

  Res p(String method, String path, Object body) {
    return send(method, emu.personalizeUrl() + path, body, personalizeHeaders);
  }

  Res c(String method, String path, Object body) {
    return send(method, emu.cmaUrl() + path, body, cmaHeaders);
  }

  Res c(String method, String path, Object body, Map<String, String> extra) {
    Map<String, String> h = new LinkedHashMap<>(cmaHeaders);
    h.putAll(extra);
    return send(method, emu.cmaUrl() + path, body, h);
  }

  static Res send(String method, String url, Object body, Map<String, String> headers) {
    try {
      return raw(
          method,
          url,
          body == null ? null : body instanceof String s ? s : M.writeValueAsString(body),
          headers,
          "application/json");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Res raw(
      String method, String url, String body, Map<String, String> headers, String contentType)
      throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    headers.forEach(b::header);
    if (body != null) {
      b.header("Content-Type", contentType);
      b.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode n = r.body().isEmpty() ? M.nullNode() : M.readTree(r.body());
      return new Res(r.statusCode(), n, r.headers());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  // ---- fixtures ----
  String attribute(String key) {
    return p("POST", "/attributes", Map.of("name", key, "key", key, "description", ""))
        .text("/uid");
  }

  String event(String key) {
    return p("POST", "/events", Map.of("key", key, "description", "")).text("/uid");
  }

  String audience(String name) {
    Res r =
        p(
            "POST",
            "/audiences",
            json(
                "{'name':'"
                    + name
                    + "','definition':{'__type':'RuleCombination',"
                    + "'combinationType':'OR','rules':[{'__type':'Rule','attribute':{'__type':'PresetAttributeReference',"
                    + "'ref':'COUNTRY'},'attributeMatchCondition':'STRING_EQUALS','attributeMatchOptions':"
                    + "{'__type':'StringMatchOptions','value':'US'},'invertCondition':false}]}}"));
    if (r.status() != 201) {
      throw new IllegalStateException(r.toString());
    }
    return r.text("/uid");
  }

  String experience(String name, String type) {
    return p("POST", "/experiences", Map.of("name", name, "description", "d", "__type", type))
        .text("/uid");
  }

  static ObjectNode segmented(String name, String shortUid, String... audiences) {
    ObjectNode v = M.createObjectNode();
    v.put("__type", "SegmentedVariant");
    v.put("name", name);
    if (shortUid != null) {
      v.put("shortUid", shortUid);
    }
    var a = v.putArray("audiences");
    for (String s : audiences) {
      a.add(s);
    }
    v.putArray("lyticsAudiences");
    v.put("audienceCombinationType", "OR");
    return v;
  }

  static ObjectNode version(String status, ObjectNode... variants) {
    ObjectNode b = M.createObjectNode();
    b.put("status", status);
    var a = b.putArray("variants");
    for (ObjectNode v : variants) {
      a.add(v);
    }
    return b;
  }

  String latestVersion(String exp) {
    return p("GET", "/experiences/" + exp, null).text("/latestVersion");
  }

  /** Polls GET /experiences/{uid} until _cms has a variant for every given shortUid. */
  JsonNode awaitCms(String exp, String... shortUids) {
    long deadline = System.currentTimeMillis() + 5000;
    while (true) {
      JsonNode e = p("GET", "/experiences/" + exp, null).body();
      boolean ok = e.path("_cms").hasNonNull("variantGroup");
      for (String s : shortUids) {
        ok &= e.path("_cms").path("variants").has(s);
      }
      if (ok) {
        return e.get("_cms");
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no _cms for " + exp + ": " + e);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException ex) {
        throw new AssertionError(ex);
      }
    }
  }
}
