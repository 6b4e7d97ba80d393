package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.Credentials;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.cli.Cli;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanOptions;
import dev.cspctl.plan.Planner;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.StateReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrency: two applies of one project started at the same moment. (a) Two cspctl processes on
 * one sandbox: the sandbox's file lock serialises them. (b) Two applies in one JVM against one
 * emulator over HTTP: nothing serialises them; the result line says what happens (duplicates, and a
 * later lone apply that cannot repair them), and is not asserted.
 */
@Tag("slow")
class ReliabilityConcurrencyTest {
  @TempDir Path tmp;

  @Test
  void twoProcessesOnOneSandboxAreSerialisedByTheLock() throws Exception {
    int trials = Integer.getInteger("reliability.processTrials", 3);
    List<String> problems = new ArrayList<>();
    List<String> exits = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      Path state = tmp.resolve("sandbox-" + t + ".json");
      Map<String, String> env =
          Map.of("CSPCTL_SANDBOX_STATE", state.toString(), "CSPCTL_SANDBOX_CMS_DELAY_MS", "100");
      ChildJvm a =
          ChildJvm.start(
              tmp.resolve("logs"), "a" + t, env, "apply", "--sandbox", "--auto-approve", "specs");
      ChildJvm b =
          ChildJvm.start(
              tmp.resolve("logs"), "b" + t, env, "apply", "--sandbox", "--auto-approve", "specs");
      int ea = a.waitFor();
      int eb = b.waitFor();
      exits.add(ea + "/" + eb);
      if (ea != 0 || eb != 0)
        problems.add(
            "trial "
                + t
                + " exits "
                + ea
                + "/"
                + eb
                + ": "
                + a.err().strip()
                + " | "
                + b.err().strip());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int plan =
          Cli.run(
              new String[] {"plan", "--sandbox", "--detailed-exitcode", "specs"},
              new PrintStream(out),
              new PrintStream(out),
              env);
      if (plan != 0) problems.add("trial " + t + ": plan after both applies exits " + plan);
      for (String d : Reliability.duplicates(Reliability.parse(Files.readString(state))))
        problems.add("trial " + t + ": " + d);
      String both = a.out() + b.out();
      if (!both.contains("No changes") && !both.contains("0 done")) {
        // not a failure: both may have found work if the first one finished before the second read
      }
    }
    Reliability.result(
        String.format(
            "concurrency (a): %d trials of two child JVMs 'apply --sandbox --auto-approve specs' on one "
                + "state file at once; exits %s; plan afterwards empty and no duplicates: %s%s",
            trials,
            exits,
            problems.isEmpty() ? "yes" : "NO",
            problems.isEmpty() ? "" : " " + problems));
    assertThat(problems).isEmpty();
  }

  @Test
  void twoInProcessAppliesAgainstOneEmulatorAtTheSameMoment() throws Exception {
    int trials = Integer.getInteger("reliability.httpTrials", 10);
    DesiredState d = E2E.load(Path.of("specs"));
    int withDuplicates = 0;
    int convergedAfterThird = 0;
    List<String> seen = new ArrayList<>();
    String firstReason = "";
    for (int t = 0; t < trials; t++) {
      try (Emulator emu =
              Emulator.start(
                  EmulatorConfig.builder().port(0).latencyMs(30 + t * 10).cmsDelayMs(50).build());
          ContentstackClients c1 = clients(emu);
          ContentstackClients c2 = clients(emu)) {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<ApplyResult> r1 =
            CompletableFuture.supplyAsync(() -> apply(c1, d, start));
        CompletableFuture<ApplyResult> r2 =
            CompletableFuture.supplyAsync(() -> apply(c2, d, start));
        boolean ok1 = succeeded(r1);
        boolean ok2 = succeeded(r2);
        List<String> dups = Reliability.duplicates(Reliability.parse(emu.stateDump()));
        if (!dups.isEmpty()) withDuplicates++;
        // a third, lone apply: does it converge?
        boolean converged;
        String why = "";
        try {
          ApplyResult third = apply(c1, d, null);
          why =
              third.outcomes().stream()
                  .filter(o -> o.status() == StepOutcome.Status.FAILED)
                  .map(o -> o.message())
                  .findFirst()
                  .orElse("");
          converged = plan(c1, d).changes().isEmpty();
        } catch (RuntimeException e) {
          converged = false;
          why = e.getMessage();
        }
        if (t == 0) firstReason = why;
        if (converged) convergedAfterThird++;
        seen.add(
            "trial "
                + t
                + ": applies "
                + (ok1 ? "ok" : "failed")
                + "/"
                + (ok2 ? "ok" : "failed")
                + ", duplicates "
                + dups
                + ", third apply converges "
                + converged);
      }
    }
    Reliability.result(
        String.format(
            "concurrency (b): %d trials of two in-process applies of specs/ against one emulator over HTTP "
                + "at the same moment, each under the project lock: trials with duplicates %d, converged after a third lone apply %d (it says: %s); %s",
            trials,
            withDuplicates,
            convergedAfterThird,
            firstReason,
            seen.subList(0, Math.min(2, seen.size()))));
    System.out.println(String.join("\n", seen));
    assertThat(withDuplicates).as(String.join("\n", seen)).isZero();
    assertThat(convergedAfterThird).isEqualTo(trials);
  }

  private static boolean succeeded(CompletableFuture<ApplyResult> f) {
    try {
      return f.join().succeeded();
    } catch (RuntimeException e) {
      return false;
    }
  }

  static ContentstackClients clients(Emulator emu) {
    Credentials credentials = dev.cspctl.cli.Target.sandboxCredentials();
    return ContentstackClients.create(
        credentials,
        ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
        TransportConfig.defaults()
            .withRates(1000, 1000, 1000, 1000, 100)
            .withRetries(4, Duration.ofMillis(5), Duration.ofMillis(50), 1)
            .withMaxRetryAfter(Duration.ofMillis(50)));
  }

  static Plan plan(ContentstackClients c, DesiredState d) {
    LiveState live = new StateReader(c.personalize(), c.cma()).read(E2E.scope(d));
    return new Planner().plan(d, live, new PlanOptions(false, Set.of()));
  }

  static ApplyResult apply(ContentstackClients c, DesiredState d, CyclicBarrier start) {
    try {
      if (start != null) start.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    // As `cspctl apply` does: plan and apply under the project lock.
    try (ProjectLock lock =
        ProjectLock.acquire(
            c.personalize(), Duration.ofMinutes(5), Duration.ofSeconds(60), m -> {})) {
      LiveState live = new StateReader(c.personalize(), c.cma()).read(E2E.scope(d));
      Plan plan = new Planner().plan(d, live, new PlanOptions(false, Set.of()));
      return new Applier(c.personalize(), c.cma(), d.project().publish(), Duration.ofSeconds(20), 8)
          .apply(plan, live, ProgressListener.NONE);
    }
  }
}
