package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.api.personalize.RemoteEvent;
import dev.cspctl.cli.Cli;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.emulator.RequestLog;
import dev.cspctl.plan.Ownership;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project lock never strands a project: {@code cspctl apply} in a child JVM against an emulator
 * in this JVM (over HTTP, with _cms delay, latency and rate limits), stopped by SIGTERM or {@code
 * kill -9}; and {@code force-unlock}, plan, drift and export as a user runs them.
 */
class LockRecoveryTest {
  static final Path SPECS = Path.of("specs").toAbsolutePath();
  static final Pattern INTERRUPTED =
      Pattern.compile("interrupted: (\\d+) done, (\\d+) not started");

  @TempDir Path tmp;

  record Run(int exit, String out, String err, long millis) {}

  static Emulator emulator() {
    return Emulator.start(
        EmulatorConfig.builder().port(0).latencyMs(25).cmsDelayMs(200).rateLimit(true).build());
  }

  static String[] target(Emulator emu, String... args) {
    List<String> l = new ArrayList<>(List.of(args));
    l.addAll(List.of("--personalize-url", emu.personalizeUrl(), "--cma-url", emu.cmaUrl()));
    return l.toArray(String[]::new);
  }

  static Run cli(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long t0 = System.nanoTime();
    int exit = Cli.run(args, new PrintStream(out), new PrintStream(err), env);
    return new Run(
        exit,
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        (System.nanoTime() - t0) / 1_000_000);
  }

  static ContentstackClients clients(Emulator emu) {
    return ContentstackClients.create(
        dev.cspctl.cli.Target.sandboxCredentials(),
        ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
        TransportConfig.defaults());
  }

  static List<RemoteEvent> locks(ContentstackClients c) {
    return c.personalize().listEvents().stream()
        .filter(e -> e.key().equals(Ownership.LOCK_EVENT_KEY))
        .toList();
  }

  /**
   * Writes other than the lock's own (POST, PUT and DELETE of /events for the lock are not
   * counted).
   */
  static long writes(Emulator emu) {
    return emu.requestLog().stream()
        .filter(e -> !e.method().equals("GET") && !e.path().contains("/events"))
        .count();
  }

  static void awaitWrites(Emulator emu, ChildJvm child, long n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (writes(emu) < n && System.currentTimeMillis() < deadline) {
      assertThat(child.process.isAlive()).as("apply ended early: " + child.err()).isTrue();
      Thread.sleep(20);
    }
    assertThat(writes(emu)).as(child.err()).isGreaterThanOrEqualTo(n);
  }

  static void assertConverged(Emulator emu, Map<String, String> env) {
    Run plan = cli(env, target(emu, "plan", "--detailed-exitcode", SPECS.toString()));
    assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
    assertThat(Reliability.duplicates(Reliability.parse(emu.stateDump()))).isEmpty();
  }

  @Test
  void sigtermDuringApplyStopsStartingStepsReleasesTheLockAndSaysWhatWasDone() throws Exception {
    try (Emulator emu = emulator();
        ContentstackClients c = clients(emu)) {
      Map<String, String> env = new HashMap<>(ReliabilityCrashTest.clientEnv());
      ChildJvm child =
          ChildJvm.start(
              tmp.resolve("logs"),
              "sigterm",
              env,
              target(emu, "apply", "--auto-approve", "--parallelism", "1", SPECS.toString()));
      awaitWrites(emu, child, 3);
      assertThat(locks(c)).hasSize(1);
      int logBefore = emu.requestLog().size();
      child.process.destroy(); // SIGTERM, as a cancelled CI job gets
      int exit = child.waitFor();
      Matcher m = INTERRUPTED.matcher(child.err());
      assertThat(m.find()).as(child.err()).isTrue();
      int done = Integer.parseInt(m.group(1));
      int notStarted = Integer.parseInt(m.group(2));
      assertThat(done).isPositive();
      assertThat(notStarted).as("the apply had steps left when it was stopped").isPositive();
      assertThat(exit).isNotZero();
      assertThat(locks(c)).as("the lock is released").isEmpty();
      List<RequestLog.Entry> after = emu.requestLog().subList(logBefore, emu.requestLog().size());
      assertThat(after).anyMatch(e -> e.method().equals("DELETE") && e.path().contains("/events/"));
      // the next apply starts at once (no lock to wait for) and converges
      Run rerun = cli(env, target(emu, "apply", "--auto-approve", SPECS.toString()));
      assertThat(rerun.exit()).as(rerun.err()).isZero();
      assertThat(rerun.err()).doesNotContain("Waiting for another cspctl apply");
      assertConverged(emu, env);
      Reliability.result(
          String.format(
              "lock (SIGTERM): apply stopped after %d done, %d not started; exit %d; lock released; "
                  + "re-run %d ms, converged",
              done, notStarted, exit, rerun.millis()));
    }
  }

  @Test
  void aKilledHoldersLockStopsBlockingWithinItsLeaseAndTheRerunConverges() throws Exception {
    long leaseS = Long.getLong("lock.leaseS", 3);
    try (Emulator emu = emulator();
        ContentstackClients c = clients(emu)) {
      Map<String, String> env = new HashMap<>(ReliabilityCrashTest.clientEnv());
      env.put("CSPCTL_LOCK_LEASE_S", Long.toString(leaseS));
      ChildJvm child =
          ChildJvm.start(
              tmp.resolve("logs"),
              "kill9",
              env,
              target(emu, "apply", "--auto-approve", "--parallelism", "2", SPECS.toString()));
      awaitWrites(emu, child, 3);
      child.kill9(); // no hooks, no finally: the lock stays behind
      long killedAt = System.nanoTime();
      List<RemoteEvent> left = locks(c);
      assertThat(left).hasSize(1);
      String deadId = LockRecord.parse(left.get(0).description()).orElseThrow().id();
      // when does the dead holder's lock stop blocking? watch the lock event change hands
      AtomicLong freedAfter = new AtomicLong(-1);
      Thread watcher =
          new Thread(
              () -> {
                while (freedAfter.get() < 0
                    && System.nanoTime() - killedAt < (leaseS + 30) * 1_000_000_000L) {
                  boolean gone = locks(c).stream().noneMatch(e -> e.description().contains(deadId));
                  if (gone) freedAfter.set((System.nanoTime() - killedAt) / 1_000_000);
                  sleep(20);
                }
              });
      watcher.start();
      Run rerun = cli(env, target(emu, "apply", "--auto-approve", SPECS.toString()));
      watcher.join();
      assertThat(rerun.exit()).as(rerun.err()).isZero();
      assertThat(rerun.err()).contains("Removed an expired project lock (lock ID " + deadId);
      assertThat(freedAfter.get())
          .as("ms from kill -9 until the lock stopped blocking")
          .isBetween(0L, leaseS * 1000 + 3000);
      assertThat(locks(c)).isEmpty();
      assertConverged(emu, env);
      Reliability.result(
          String.format(
              "lock (kill -9): lease %d s; the killed holder's lock stopped blocking %d ms after the kill; "
                  + "re-run (started at once) %d ms in all, converged, no duplicates",
              leaseS, freedAfter.get(), rerun.millis()));
    }
  }

  @Test
  void forceUnlockRemovesALeftLockThatTheWaitingApplyNames() {
    try (Emulator emu = emulator();
        ContentstackClients c = clients(emu)) {
      Map<String, String> env = new HashMap<>(ReliabilityCrashTest.clientEnv());
      env.put("CSPCTL_LOCK_WAIT_S", "1");
      c.personalize()
          .createEvent(
              new EventInput(
                  Ownership.LOCK_EVENT_KEY,
                  new LockRecord(
                          "0c4f-dead",
                          "ci@runner, pid 7",
                          Duration.ofSeconds(60),
                          Instant.now().plusSeconds(60))
                      .description()));
      Run blocked = cli(env, target(emu, "apply", "--auto-approve", SPECS.toString()));
      assertThat(blocked.exit()).isEqualTo(1);
      assertThat(blocked.err().lines().filter(l -> l.startsWith("error:")))
          .singleElement()
          .asString()
          .contains("lock ID 0c4f-dead")
          .contains("cspctl force-unlock 0c4f-dead");
      assertThat(writes(emu)).isZero();

      Run wrong = cli(env, target(emu, "force-unlock", "0c4f-other", SPECS.toString()));
      assertThat(wrong.exit()).isEqualTo(1);
      assertThat(wrong.err())
          .startsWith(
              "error: no project lock has ID 0c4f-other; the project is locked by lock ID 0c4f-dead");
      assertThat(locks(c)).hasSize(1);

      Run unlock = cli(env, target(emu, "force-unlock", "0c4f-dead", SPECS.toString()));
      assertThat(unlock.exit()).as(unlock.err()).isZero();
      assertThat(unlock.out())
          .contains("Removed the project lock (lock ID 0c4f-dead, held by ci@runner, pid 7");
      assertThat(locks(c)).isEmpty();

      Run apply = cli(env, target(emu, "apply", "--auto-approve", SPECS.toString()));
      assertThat(apply.exit()).as(apply.err()).isZero();
      assertThat(locks(c)).isEmpty();
    }
  }

  @Test
  void anApplyThatFailsAfterTakingTheLockReleasesIt() {
    try (Emulator emu = emulator();
        ContentstackClients c = clients(emu)) {
      Map<String, String> env = new HashMap<>(ReliabilityCrashTest.clientEnv());
      assertThat(cli(env, target(emu, "apply", "--auto-approve", SPECS.toString())).exit())
          .isZero();
      // a second live audience with a spec's name: the plan, made under the lock, refuses them
      var mobile =
          c.personalize().listAudiences().stream()
              .filter(a -> a.name().equals("Mobile visitors"))
              .findFirst()
              .orElseThrow();
      c.personalize()
          .createAudience(
              new dev.cspctl.api.personalize.AudienceInput(
                  mobile.name(), "by hand", mobile.definition()));
      int logBefore = emu.requestLog().size();
      Run failed = cli(env, target(emu, "apply", "--auto-approve", SPECS.toString()));
      assertThat(failed.exit()).isEqualTo(1);
      assertThat(failed.err())
          .contains("more than one live resource has the name of audience 'Mobile visitors'");
      assertThat(emu.requestLog().subList(logBefore, emu.requestLog().size()))
          .anyMatch(e -> e.method().equals("POST") && e.path().endsWith("/events"))
          .anyMatch(e -> e.method().equals("DELETE") && e.path().contains("/events/"));
      assertThat(locks(c)).isEmpty();
    }
  }

  @Test
  void planDriftAndExportNeverTakeOrWaitForTheLock() {
    try (Emulator emu = emulator();
        ContentstackClients c = clients(emu)) {
      Map<String, String> env = new HashMap<>(ReliabilityCrashTest.clientEnv());
      env.put(
          dev.cspctl.api.Credentials.ENV_PROJECT_UID,
          dev.cspctl.emulator.SandboxCredentials.PROJECT_UID);
      env.put(
          dev.cspctl.api.Credentials.ENV_API_KEY, dev.cspctl.emulator.SandboxCredentials.API_KEY);
      assertThat(cli(env, target(emu, "apply", "--auto-approve", SPECS.toString())).exit())
          .isZero();
      try (ProjectLock held =
          ProjectLock.acquire(
              c.personalize(), Duration.ofSeconds(60), Duration.ofSeconds(1), m -> {})) {
        int logBefore = emu.requestLog().size();
        Run plan = cli(env, target(emu, "plan", SPECS.toString()));
        Run drift = cli(env, target(emu, "drift", SPECS.toString()));
        Run export = cli(env, target(emu, "export", "--out", tmp.resolve("exported").toString()));
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(drift.exit()).as(drift.err()).isZero();
        assertThat(export.exit()).as(export.err()).isZero();
        for (Run r : List.of(plan, drift, export)) {
          assertThat(r.err()).doesNotContain("Waiting for another cspctl apply");
          assertThat(r.millis()).isLessThan(20_000);
        }
        List<RequestLog.Entry> during =
            emu.requestLog().subList(logBefore, emu.requestLog().size());
        assertThat(during).allMatch(e -> e.method().equals("GET"));
        assertThat(locks(c))
            .singleElement()
            .satisfies(e -> assertThat(e.description()).contains(held.id()));
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
