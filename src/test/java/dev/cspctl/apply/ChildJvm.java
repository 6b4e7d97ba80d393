package dev.cspctl.apply;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code dev.cspctl.cli.Main} in a child JVM on the test's classpath, its output in files. */
final class ChildJvm {
  final Process process;
  final Path out;
  final Path err;

  private ChildJvm(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  static ChildJvm start(Path logDir, String name, Map<String, String> env, String... args) {
    try {
      Files.createDirectories(logDir);
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.cspctl.cli.Main"));
      cmd.addAll(List.of(args));
      ProcessBuilder pb =
          new ProcessBuilder(cmd).directory(new File(System.getProperty("user.dir")));
      pb.environment()
          .keySet()
          .removeIf(k -> k.startsWith("CONTENTSTACK_") || k.startsWith("CSPCTL_"));
      pb.environment().putAll(env);
      Path out = logDir.resolve(name + ".out");
      Path err = logDir.resolve(name + ".err");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      return new ChildJvm(pb.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL: no shutdown hooks, no finally blocks. */
  void kill9() {
    process.destroyForcibly();
    waitFor();
  }

  int waitFor() {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String out() {
    return read(out);
  }

  String err() {
    return read(err);
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the emulator's first line {@code listening on URL}; returns the URL. */
  String awaitListening(long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      String o = out();
      int i = o.indexOf("listening on ");
      if (i >= 0 && o.indexOf('\n', i) > 0)
        return o.substring(i + "listening on ".length(), o.indexOf('\n', i)).trim();
      if (!process.isAlive()) throw new IllegalStateException("emulator exited: " + err());
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("emulator did not start: " + err());
  }
}
