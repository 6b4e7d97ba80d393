package dev.cspctl.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node side of the official-client suite ({@code src/test/node/official-clients}): finds
 * Node (20 or later), installs the pinned packages with {@code npm ci} when they are missing, and
 * runs a test file with {@code node --test}.
 */
final class NodeSuite {
  static final Path DIR = Path.of("src/test/node/official-clients");

  record Result(int exit, String output) {}

  private NodeSuite() {}

  /** Why the suite cannot run here, or null when Node 20+ is on the PATH. */
  static String unavailable() {
    try {
      Result r = exec(List.of("node", "--version"), Map.of(), 20);
      String v = r.output().trim();
      if (r.exit() != 0 || !v.startsWith("v")) return "node --version failed: " + v;
      int major = Integer.parseInt(v.substring(1, v.indexOf('.')));
      return major >= 20
          ? null
          : "Node " + v + " is older than 20, which the official clients need";
    } catch (IOException | RuntimeException e) {
      return "Node is not installed (no 'node' on the PATH): the official-client suite is skipped";
    }
  }

  /** {@code npm ci} from package-lock.json when node_modules is missing (CI runs it beforehand). */
  static void install() throws IOException {
    if (Files.isDirectory(DIR.resolve("node_modules/@contentstack/management"))) return;
    Result r = exec(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
    if (r.exit() != 0)
      throw new IllegalStateException("npm ci failed in " + DIR + ":\n" + r.output());
  }

  static Result runTests(String file, Map<String, String> env) throws IOException {
    return exec(
        List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec", file), env, 120);
  }

  private static Result exec(List<String> command, Map<String, String> env, long timeoutSeconds)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(DIR.toFile())
            .redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out;
    try {
      var reader =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return p.getInputStream().readAllBytes();
                } catch (IOException e) {
                  return new byte[0];
                }
              });
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
      }
      out = reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
