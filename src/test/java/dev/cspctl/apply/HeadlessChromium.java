package dev.cspctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol with the JDK's own WebSocket
 * client (no browser-test dependency): opens a page, records console errors, exceptions and network
 * requests, evaluates an expression, takes a screenshot. The flags are the ones this machine needs:
 * no sandbox as root, no GPU, no background networking (the network is closed), a fresh profile.
 */
final class HeadlessChromium implements AutoCloseable {
  static final ObjectMapper M = new ObjectMapper();

  /** What a page did while it loaded. */
  record PageLoad(List<String> consoleErrors, List<String> requests) {}

  private final Process process;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  /**
   * The Chromium binary: $CHROMIUM, else /usr/bin/chromium, that answers {@code --version}
   * (Ubuntu's chromium-browser is a stub for a snap that cannot run here); else null, and the test
   * skips.
   */
  static Path find() {
    for (String candidate :
        new String[] {
          System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"
        }) {
      if (candidate != null
          && Files.isExecutable(Path.of(candidate))
          && answers(Path.of(candidate))) return Path.of(candidate);
    }
    return null;
  }

  private static boolean answers(Path binary) {
    try {
      Process p =
          new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return p.waitFor(30, TimeUnit.SECONDS)
          && p.exitValue() == 0
          && out.toLowerCase(java.util.Locale.ROOT).contains("chromium");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  HeadlessChromium(Path binary, Path profile, int width, int height) throws Exception {
    Files.createDirectories(profile);
    process =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
      if (!process.isAlive())
        throw new IOException(
            "chromium exited: " + Files.readString(profile.resolve("chromium.log")));
      if (System.nanoTime() > deadline)
        throw new IOException("chromium did not open its DevTools port within 60 s");
      Thread.sleep(100);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String list =
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String pageUrl = null;
    for (JsonNode t : M.readTree(list))
      if ("page".equals(t.path("type").asText())) pageUrl = t.path("webSocketDebuggerUrl").asText();
    if (pageUrl == null) throw new IOException("no page target in " + list);
    socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(pageUrl), new Listener())
            .get(20, TimeUnit.SECONDS);
    for (String domain : List.of("Runtime", "Log", "Page", "Network"))
      call(domain + ".enable", M.createObjectNode());
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode msg = M.readTree(partial.toString());
          if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
            if (f != null) f.complete(msg);
          } else {
            events.add(msg);
          }
        } catch (IOException e) {
          events.add(
              M.createObjectNode().put("method", "cspctl.unparsable").put("text", e.getMessage()));
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    socket
        .sendText(
            M.createObjectNode()
                .put("id", id)
                .put("method", method)
                .set("params", params)
                .toString(),
            true)
        .get(20, TimeUnit.SECONDS);
    JsonNode reply = f.get(60, TimeUnit.SECONDS);
    if (reply.has("error")) throw new IOException(method + ": " + reply.get("error"));
    return reply.path("result");
  }

  /** Opens the file and waits for its load event; returns the console errors and requests seen. */
  PageLoad open(Path file) throws Exception {
    events.clear();
    call("Page.navigate", M.createObjectNode().put("url", file.toUri().toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (events.stream()
        .noneMatch(e -> "Page.loadEventFired".equals(e.path("method").asText()))) {
      if (System.nanoTime() > deadline) throw new IOException("page did not load within 60 s");
      Thread.sleep(50);
    }
    Thread.sleep(300); // late console messages (CSP reports arrive just after load)
    List<String> errors = new ArrayList<>();
    List<String> requests = new ArrayList<>();
    for (JsonNode e : events) {
      JsonNode p = e.path("params");
      switch (e.path("method").asText()) {
        case "Runtime.exceptionThrown" ->
            errors.add("exception: " + p.path("exceptionDetails").path("text").asText());
        case "Runtime.consoleAPICalled" -> {
          if ("error".equals(p.path("type").asText()))
            errors.add("console.error: " + p.path("args"));
        }
        case "Log.entryAdded" -> {
          if ("error".equals(p.path("entry").path("level").asText()))
            errors.add("log: " + p.path("entry").path("text").asText());
        }
        case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
        default -> {}
      }
    }
    return new PageLoad(errors, requests);
  }

  JsonNode evaluate(String expression) throws Exception {
    JsonNode r =
        call(
            "Runtime.evaluate",
            M.createObjectNode().put("expression", expression).put("returnByValue", true));
    return r.path("result").path("value");
  }

  /** A PNG of the viewport, or of the whole page when {@code fullPage}. */
  byte[] screenshot(boolean fullPage) throws Exception {
    ObjectNode params = M.createObjectNode().put("format", "png");
    if (fullPage) params.put("captureBeyondViewport", true);
    return Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText());
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
