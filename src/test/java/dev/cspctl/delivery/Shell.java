package dev.cspctl.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs shell snippets (README blocks, CI job scripts) the way a user or a runner would, with {@code
 * cspctl} being this build's classes: a small launcher script that runs {@code dev.cspctl.cli.Main}
 * on the test classpath. Tests run before {@code package}, so the jar the real launcher needs does
 * not exist yet; the classes do.
 */
public final class Shell {
  private Shell() {}

  /** What a snippet did. */
  public record Result(int exit, String output) {}

  /**
   * Writes an executable {@code cspctl} launcher at {@code file} that runs this build's classes.
   */
  public static Path writeLauncher(Path file) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script =
        "#!/usr/bin/env bash\n"
            + "# Test launcher: this build's classes instead of target/cspctl.jar.\n"
            + "exec "
            + quote(java)
            + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "
            + quote(classpath())
            + " dev.cspctl.cli.Main \"$@\"\n";
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /**
   * The real launcher, {@code ./cspctl} and the script it runs the jar with, copied into {@code
   * repo}.
   */
  public static void copyLauncher(Path repo) throws IOException {
    Path root = Path.of("").toAbsolutePath();
    for (String file : List.of("cspctl", "src/launcher/cspctl-jvm")) {
      Path to = repo.resolve(file);
      Files.createDirectories(to.getParent());
      Files.copy(root.resolve(file), to);
      Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /** The classpath of this JVM (surefire sets java.class.path to the test classpath). */
  static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  /**
   * Runs {@code script} with {@code bash -euo pipefail} in {@code dir}. The environment is this one
   * minus every Contentstack credential and cspctl setting, plus {@code extraEnv}.
   */
  public static Result bash(Path dir, String script, Map<String, String> extraEnv, Duration timeout)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, ".shell-", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(List.of("bash", "-euo", "pipefail", "-c", script))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("CONTENTSTACK_") || k.startsWith("CSPCTL_"));
    env.put("NO_COLOR", "1");
    env.putAll(extraEnv);
    Process p = pb.start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
        return new Result(-1, Files.readString(log) + "\n[timed out after " + timeout + "]");
      }
      return new Result(p.exitValue(), Files.readString(log));
    } finally {
      p.descendants().forEach(ProcessHandle::destroy);
      Files.deleteIfExists(log);
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
