package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.cli.Cli;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.emulator.SandboxCredentials;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash: real {@code kill -9} of child JVMs at random points, then re-runs.
 *
 * <ul>
 *   <li>(1) {@code cspctl apply} in a child JVM against an emulator that outlives it (in this JVM,
 *       over HTTP): the server keeps whatever the killed apply did, so this is the test that
 *       matters. Re-runs converge with nothing duplicated.
 *   <li>(2) {@code cspctl apply --sandbox}: the sandbox saves its state only when the command ends,
 *       so a kill loses the run; what is tested is that the state file always parses (a kill can
 *       land in the save) and that re-runs converge.
 *   <li>(3) {@code cspctl emulator --state FILE} in a child JVM, stopped mid-apply by SIGTERM (its
 *       shutdown hook saves the partial state) or SIGKILL (nothing saved); restarted from the file,
 *       re-runs converge and the file always parses.
 * </ul>
 */
@Tag("slow")
class ReliabilityCrashTest {
  @TempDir Path tmp;
  final Random random = new Random(Long.getLong("reliability.seed", 7));

  static Map<String, String> clientEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CONTENTSTACK_AUTHTOKEN", SandboxCredentials.AUTHTOKEN);
    env.put("CONTENTSTACK_MANAGEMENT_TOKEN", SandboxCredentials.MANAGEMENT_TOKEN);
    // a killed apply leaves its lock behind: a short lease lets the re-run take it over in seconds
    env.put("CSPCTL_LOCK_LEASE_S", "3");
    return env;
  }

  @Test
  void killedApplyAgainstALiveServerConvergesWithoutDuplicates() throws Exception {
    int trials = Integer.getInteger("reliability.crashTrials", 10);
    Path specs = Path.of("specs").toAbsolutePath();
    int early = 0;
    int mid = 0;
    int late = 0;
    List<String> problems = new ArrayList<>();
    List<Integer> runsNeeded = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      try (Emulator emu =
          Emulator.start(EmulatorConfig.builder().port(0).latencyMs(20).cmsDelayMs(200).build())) {
        String[] target = {"--personalize-url", emu.personalizeUrl(), "--cma-url", emu.cmaUrl()};
        for (int k = 0; k < 2; k++) {
          int writesBefore = writes(emu);
          ChildJvm child =
              ChildJvm.start(
                  tmp.resolve("logs"),
                  "apply-" + t + "-" + k,
                  clientEnv(),
                  cat(new String[] {"apply", "--auto-approve"}, target, specs.toString()));
          Thread.sleep(400 + random.nextInt(3000));
          boolean finished = !child.process.isAlive();
          child.kill9();
          int w = writes(emu) - writesBefore;
          if (finished) late++;
          else if (w == 0) early++;
          else mid++;
        }
        int runs = 0;
        boolean converged = false;
        while (runs < 3 && !converged) {
          runs++;
          run(clientEnv(), cat(new String[] {"apply", "--auto-approve"}, target, specs.toString()));
          converged =
              run(
                      clientEnv(),
                      cat(new String[] {"plan", "--detailed-exitcode"}, target, specs.toString()))
                  == 0;
        }
        runsNeeded.add(converged ? runs : -1);
        if (!converged) problems.add("trial " + t + ": not converged in 3 runs");
        for (String d : Reliability.duplicates(Reliability.parse(emu.stateDump())))
          problems.add("trial " + t + ": " + d);
      }
    }
    Reliability.result(
        String.format(
            "crash (1): %d trials x 2 kill -9 of a child JVM 'cspctl apply' against a live emulator "
                + "(kills before the first write %d, mid-apply %d, after it finished %d); re-runs needed to converge %s; duplicates and "
                + "failures: %s",
            trials, early, mid, late, runsNeeded, problems.isEmpty() ? "none" : problems));
    assertThat(problems).isEmpty();
  }

  @Test
  void killedSandboxApplyNeverCorruptsTheStateFile() throws Exception {
    int kills = Integer.getInteger("reliability.sandboxKills", 12);
    Path state = tmp.resolve("sandbox.json");
    Map<String, String> env =
        Map.of("CSPCTL_SANDBOX_STATE", state.toString(), "CSPCTL_SANDBOX_CMS_DELAY_MS", "200");
    Path base = E2E.copyExamples(tmp.resolve("base"));
    Path changed = E2E.copyExamples(tmp.resolve("changed"));
    E2E.edit(
        changed.resolve("experiences/homepage-hero.yaml"),
        "title: Tap to explore",
        "title: Tap to explore more");
    E2E.edit(changed.resolve("audiences.yaml"), "value: MOBILE\n---", "value: TABLET\n---");
    // one complete run first, so that the file exists and the kills can land in its rewrite
    ChildJvm first =
        ChildJvm.start(
            tmp.resolve("logs"),
            "sandbox-first",
            env,
            "apply",
            "--sandbox",
            "--auto-approve",
            base.toString());
    int firstExit = first.waitFor();
    // the kills hit runs of the change and back, so time one of those (JVM start included)
    long t0 = System.nanoTime();
    ChildJvm second =
        ChildJvm.start(
            tmp.resolve("logs"),
            "sandbox-second",
            env,
            "apply",
            "--sandbox",
            "--auto-approve",
            changed.toString());
    int secondExit = second.waitFor();
    long duration = (System.nanoTime() - t0) / 1_000_000;
    List<String> problems = new ArrayList<>();
    if (firstExit != 0 || secondExit != 0)
      problems.add(
          "unkilled runs exit " + firstExit + "/" + secondExit + ": " + first.err() + second.err());
    int parsed = 0;
    int absent = 0;
    int finished = 0;
    for (int k = 0; k < kills; k++) {
      Path specs = k % 2 == 0 ? base : changed;
      ChildJvm child =
          ChildJvm.start(
              tmp.resolve("logs"),
              "sandbox-" + k,
              env,
              "apply",
              "--sandbox",
              "--auto-approve",
              specs.toString());
      Thread.sleep((long) (duration * (0.05 + 0.95 * random.nextDouble())));
      if (!child.process.isAlive()) finished++;
      child.kill9();
      if (Files.exists(state)) {
        try {
          Reliability.parse(Files.readString(state));
          parsed++;
        } catch (RuntimeException e) {
          problems.add("kill " + k + ": state file does not parse: " + e.getMessage());
        }
      } else {
        absent++;
      }
    }
    int runs = 0;
    boolean converged = false;
    while (runs < 3 && !converged) {
      runs++;
      run(env, "apply", "--sandbox", "--auto-approve", base.toString());
      converged = run(env, "plan", "--sandbox", "--detailed-exitcode", base.toString()) == 0;
    }
    if (!converged) problems.add("not converged in 3 runs");
    for (String d : Reliability.duplicates(Reliability.parse(Files.readString(state))))
      problems.add(d);
    Reliability.result(
        String.format(
            "crash (2): 'cspctl apply --sandbox' child JVMs: a full run, a run of a change (%d ms), then %d "
                + "kill -9 at random points in 0.05-1x that time of runs alternating the original and the changed specs (%d had already finished); state file after "
                + "each kill: parsed %d, absent %d, corrupt %d; converged in %d run(s) after; problems: %s",
            duration,
            kills,
            finished,
            parsed,
            absent,
            problems.stream().filter(p -> p.contains("parse")).count(),
            runs,
            problems.isEmpty() ? "none" : problems));
    assertThat(problems).isEmpty();
  }

  @Test
  void stoppedEmulatorKeepsAParseableStateAndApplyConvergesAfterARestart() throws Exception {
    int trials = Integer.getInteger("reliability.emulatorTrials", 6);
    Path specs = Path.of("specs").toAbsolutePath();
    List<String> problems = new ArrayList<>();
    List<String> outcomes = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      Path state = tmp.resolve("emulator-" + t + ".json");
      boolean sigkill = t % 2 == 1;
      ChildJvm emu = emulator(state, "emu-" + t);
      String url = emu.awaitListening(30_000);
      String[] target = {"--personalize-url", url, "--cma-url", url + "/v3"};
      CompletableFuture<Integer> apply =
          CompletableFuture.supplyAsync(
              () ->
                  run(
                      clientEnv(),
                      cat(new String[] {"apply", "--auto-approve"}, target, specs.toString())));
      Thread.sleep(200 + random.nextInt(1500));
      if (sigkill) emu.kill9();
      else {
        emu.process.destroy();
        emu.waitFor();
      }
      int interrupted = apply.join();
      if (Files.exists(state)) {
        try {
          Reliability.parse(Files.readString(state));
        } catch (RuntimeException e) {
          problems.add("trial " + t + ": state file does not parse");
        }
      }
      ChildJvm again = emulator(state, "emu-" + t + "-again");
      String url2 = again.awaitListening(30_000);
      String[] target2 = {"--personalize-url", url2, "--cma-url", url2 + "/v3"};
      int runs = 0;
      boolean converged = false;
      while (runs < 3 && !converged) {
        runs++;
        run(clientEnv(), cat(new String[] {"apply", "--auto-approve"}, target2, specs.toString()));
        converged =
            run(
                    clientEnv(),
                    cat(new String[] {"plan", "--detailed-exitcode"}, target2, specs.toString()))
                == 0;
      }
      again.process.destroy();
      again.waitFor();
      if (!converged) problems.add("trial " + t + ": not converged in 3 runs");
      for (String d : Reliability.duplicates(Reliability.parse(Files.readString(state))))
        problems.add("trial " + t + ": " + d);
      outcomes.add(
          (sigkill ? "SIGKILL" : "SIGTERM")
              + ": apply exit "
              + interrupted
              + ", converged in "
              + runs);
    }
    Reliability.result(
        String.format(
            "crash (3): %d child JVMs 'cspctl emulator --state FILE' stopped mid-apply (SIGTERM saves the "
                + "partial state, SIGKILL saves nothing), restarted from the file: %s; problems: %s",
            trials, outcomes, problems.isEmpty() ? "none" : problems));
    assertThat(problems).isEmpty();
  }

  private ChildJvm emulator(Path state, String name) {
    return ChildJvm.start(
        tmp.resolve("logs"),
        name,
        Map.of(),
        "emulator",
        "--port",
        "0",
        "--state",
        state.toString(),
        "--latency-ms",
        "20",
        "--cms-delay-ms",
        "200");
  }

  private static int writes(Emulator emu) {
    return (int) emu.requestLog().stream().filter(e -> !e.method().equals("GET")).count();
  }

  private static String[] cat(String[] head, String[] target, String specs) {
    List<String> l = new ArrayList<>(List.of(head));
    l.addAll(List.of(target));
    l.add(specs);
    return l.toArray(String[]::new);
  }

  private static int run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    return Cli.run(args, new PrintStream(out), new PrintStream(out), env);
  }
}
