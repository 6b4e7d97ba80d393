package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets: every command (validate, plan in every format with a saved plan, apply of a folder and
 * of a saved plan, drift with a report, and the emulator itself in a child JVM) run at {@code -v}
 * with known secret values in the environment (authtoken, OAuth token, management token, password);
 * every stdout, stderr, log line, plan file, report and the emulator's state file is scanned: zero
 * occurrences.
 */
@Tag("slow")
class ReliabilitySecretsTest {
  @TempDir Path tmp;

  @Test
  void noSecretAnywhereAtTheMostVerboseLevel() throws Exception {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("CONTENTSTACK_AUTHTOKEN", "blt9f3c1e7a5d2b4c6e8-authtoken-SECRET");
    secrets.put("CONTENTSTACK_OAUTH_TOKEN", "oauth-0d1e2f3a4b5c-SECRET");
    secrets.put("CONTENTSTACK_MANAGEMENT_TOKEN", "cs7a1b2c3d4e5f60718293a4-mgmt-SECRET");
    secrets.put("CONTENTSTACK_PASSWORD", "hunter2-Pa55w0rd-SECRET");
    Map<String, String> env = new LinkedHashMap<>(secrets);
    env.put("CONTENTSTACK_EMAIL", "ops@example.com");
    env.put("CSPCTL_SANDBOX_STATE", tmp.resolve("unused-sandbox.json").toString());
    Path specs = E2E.copyExamples(tmp.resolve("specs"));
    Path logs = tmp.resolve("logs");
    ChildJvm emulator =
        ChildJvm.start(
            logs,
            "emulator",
            env,
            "emulator",
            "-v",
            "--port",
            "0",
            "--state",
            tmp.resolve("emulator-state.json").toString(),
            "--cms-delay-ms",
            "50");
    List<String> outputs = new ArrayList<>();
    int commands = 0;
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try {
      String url = emulator.awaitListening(30_000);
      String[] target = {"--personalize-url", url, "--cma-url", url + "/v3"};
      System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
      Map<String, String> loginEnv = new LinkedHashMap<>(env);
      loginEnv.remove("CONTENTSTACK_AUTHTOKEN");
      loginEnv.remove("CONTENTSTACK_OAUTH_TOKEN");
      List<String[]> runs =
          List.of(
              new String[] {"validate", "-v", specs.toString()},
              cat(
                  new String[] {"plan", "-v", "--out", tmp.resolve("plan.json").toString()},
                  target,
                  specs),
              cat(new String[] {"plan", "-v", "--format", "json"}, target, specs),
              cat(new String[] {"plan", "-v", "--format", "markdown"}, target, specs),
              cat(new String[] {"plan", "-v", "--format", "gitlab"}, target, specs),
              cat(
                  new String[] {
                    "apply", "-v", "--auto-approve", tmp.resolve("plan.json").toString()
                  },
                  target,
                  null),
              cat(new String[] {"apply", "-v", "--auto-approve"}, target, specs),
              cat(
                  new String[] {
                    "drift",
                    "-v",
                    "--format",
                    "markdown",
                    "--report",
                    tmp.resolve("drift.md").toString()
                  },
                  target,
                  specs),
              cat(
                  new String[] {
                    "drift",
                    "-v",
                    "--format",
                    "json",
                    "--report",
                    tmp.resolve("drift.json").toString()
                  },
                  target,
                  specs),
              cat(new String[] {"plan", "-v", "--stacktrace"}, target, specs),
              cat(
                  new String[] {
                    "export",
                    "-v",
                    "--project",
                    "65f0c0ffee0123456789abcd",
                    "--stack",
                    "blt0123456789abcdef",
                    "--out",
                    tmp.resolve("exported").toString()
                  },
                  target,
                  null));
      for (String[] args : runs) {
        outputs.add(run(env, args));
        commands++;
      }
      outputs.add(run(loginEnv, cat(new String[] {"plan", "-v"}, target, specs)));
      outputs.add(run(loginEnv, cat(new String[] {"drift", "-v"}, target, specs)));
      commands += 2;
      // a failing command too: wrong token, so the error paths are scanned as well
      Map<String, String> wrong = new LinkedHashMap<>(env);
      wrong.put("CONTENTSTACK_AUTHTOKEN", "wrong-" + secrets.get("CONTENTSTACK_AUTHTOKEN"));
      wrong.remove("CONTENTSTACK_OAUTH_TOKEN");
      wrong.remove("CONTENTSTACK_PASSWORD");
      outputs.add(run(wrong, cat(new String[] {"plan", "-v", "--stacktrace"}, target, specs)));
      commands++;
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
      emulator.process.destroy(); // SIGTERM: the emulator saves its state file on the way out
      emulator.waitFor();
    }
    commands++;
    StringBuilder everything =
        new StringBuilder(String.join("\n", outputs))
            .append(console.toString(StandardCharsets.UTF_8));
    int files = 0;
    try (Stream<Path> all = Files.walk(tmp)) {
      for (Path f : all.filter(Files::isRegularFile).filter(f -> !f.startsWith(specs)).toList()) {
        everything.append('\n').append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        files++;
      }
    }
    List<String> found = new ArrayList<>();
    secrets.forEach(
        (name, value) -> {
          int n = count(everything.toString(), value);
          if (n > 0) found.add(name + " x" + n);
        });
    String text = everything.toString();
    Reliability.result(
        String.format(
            "secrets: %d commands at -v (validate, plan x5 formats, apply dir + saved plan, drift x2 reports, "
                + "plan/drift with email+password login, a refused token, emulator child JVM); %d chars of output/logs and %d files "
                + "(plans, reports, emulator state, child logs) scanned for %d secrets: %d occurrences%s; HTTP lines logged: %d; exit codes %s",
            commands,
            text.length(),
            files,
            secrets.size(),
            found.size(),
            found.isEmpty() ? "" : " " + found,
            count(text, " -> "),
            outputs.stream()
                .map(o -> o.lines().findFirst().orElse("").replaceAll(".* -> exit ", ""))
                .toList()));
    assertThat(text).contains("GET").contains("/experiences");
    assertThat(found).isEmpty();
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
    return n;
  }

  private static String[] cat(String[] head, String[] target, Path specs) {
    List<String> l = new ArrayList<>(List.of(head));
    l.addAll(List.of(target));
    if (specs != null) l.add(specs.toString());
    return l.toArray(String[]::new);
  }

  private static String run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Cli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env);
    return String.join(" ", args)
        + " -> exit "
        + exit
        + "\n"
        + out.toString(StandardCharsets.UTF_8)
        + err.toString(StandardCharsets.UTF_8);
  }
}
