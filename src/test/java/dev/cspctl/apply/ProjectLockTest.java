package dev.cspctl.apply;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cspctl.api.TestClients;
import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.api.personalize.PersonalizeClient;
import dev.cspctl.plan.Ownership;
import dev.cspctl.spec.DesiredState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProjectLockTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static List<dev.cspctl.api.personalize.RemoteEvent> locks(PersonalizeClient p) {
    return p.listEvents().stream().filter(e -> e.key().equals(Ownership.LOCK_EVENT_KEY)).toList();
  }

  /** A lock event as a holder that died (kill -9) leaves it: not renewed any more. */
  static void deadHolder(PersonalizeClient p, Duration lease, Instant expires) {
    p.createEvent(
        new EventInput(
            Ownership.LOCK_EVENT_KEY,
            new LockRecord("dead-run", "ci@runner, pid 1", lease, expires).description()));
  }

  @Test
  void aHeldLockMakesTheNextApplyWaitThenFailNamingTheLockIdAndForceUnlock() {
    try (E2E e2e = E2E.fast("", 1)) {
      var p = e2e.clients.personalize();
      try (ProjectLock held =
          ProjectLock.acquire(p, Duration.ofMinutes(5), Duration.ofSeconds(1), m -> {})) {
        StringBuilder notices = new StringBuilder();
        assertThatThrownBy(
                () ->
                    ProjectLock.acquire(
                        p, Duration.ofMinutes(5), Duration.ofMillis(400), notices::append))
            .isInstanceOf(ApplyException.class)
            .hasMessageContaining(
                "another cspctl apply holds the project lock (lock ID " + held.id())
            .hasMessageContaining("cspctl force-unlock " + held.id());
        assertThat(notices).contains("Waiting for another cspctl apply").contains(held.id());
      }
      assertThat(locks(p)).isEmpty();
    }
  }

  @Test
  void anExpiredLockOfACrashedApplyIsTakenOver() {
    try (E2E e2e = E2E.fast("", 1)) {
      var p = e2e.clients.personalize();
      // the format of earlier versions (30-minute expiry) still parses
      p.createEvent(
          new EventInput(
              Ownership.LOCK_EVENT_KEY,
              ProjectLock.PREFIX + "old-run until " + Instant.now().minusSeconds(60)));
      try (ProjectLock lock =
          ProjectLock.acquire(p, Duration.ofMinutes(5), Duration.ofSeconds(5), m -> {})) {
        assertThat(locks(p))
            .singleElement()
            .satisfies(
                e -> assertThat(e.description()).doesNotContain("old-run").contains(lock.id()));
      }
    }
  }

  @Test
  void theRunningHolderRenewsItsLeaseSoItKeepsTheLockPastTheLeaseLength() throws Exception {
    try (E2E e2e = E2E.fast("", 1)) {
      var p = e2e.clients.personalize();
      try (ProjectLock held =
          ProjectLock.acquire(p, Duration.ofSeconds(1), Duration.ofSeconds(1), m -> {})) {
        String first = locks(p).get(0).description();
        Thread.sleep(2500);
        assertThat(locks(p))
            .singleElement()
            .satisfies(e -> assertThat(e.description()).isNotEqualTo(first).contains(held.id()));
        assertThatThrownBy(
                () ->
                    ProjectLock.acquire(p, Duration.ofSeconds(1), Duration.ofMillis(1500), m -> {}))
            .hasMessageContaining("another cspctl apply holds the project lock");
        assertThat(held.lost()).isNull();
      }
      assertThat(locks(p)).isEmpty();
    }
  }

  @Test
  void aDeadHoldersLockStopsBlockingWhenItsLeaseRunsOut() {
    try (E2E e2e = E2E.fast("", 1)) {
      var p = e2e.clients.personalize();
      deadHolder(p, Duration.ofSeconds(2), Instant.now().plusSeconds(2));
      long t0 = System.nanoTime();
      StringBuilder notices = new StringBuilder();
      try (ProjectLock lock =
          ProjectLock.acquire(p, Duration.ofSeconds(60), Duration.ofSeconds(20), notices::append)) {
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertThat(waited).isBetween(1000L, 5000L);
        assertThat(notices).contains("Removed an expired project lock (lock ID dead-run");
      }
    }
  }

  /**
   * A holder whose clock runs behind writes an expiry in the past of no one; the unchanged
   * description still frees it.
   */
  @Test
  void aLockWhoseDescriptionStaysUnchangedForLongerThanItsLeaseIsStaleWhateverItsExpirySays() {
    try (E2E e2e = E2E.fast("", 1)) {
      var p = e2e.clients.personalize();
      deadHolder(p, Duration.ofSeconds(2), Instant.now().plus(Duration.ofHours(1)));
      long t0 = System.nanoTime();
      try (ProjectLock lock =
          ProjectLock.acquire(p, Duration.ofSeconds(60), Duration.ofSeconds(20), m -> {})) {
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(1500L, 6000L);
      }
    }
  }

  @Test
  void anEventWithTheLockKeyThatIsNotACspctlLockIsAnErrorNotAReasonToWait() {
    try (E2E e2e = E2E.fast("", 1)) {
      var p = e2e.clients.personalize();
      var foreign = p.createEvent(new EventInput(Ownership.LOCK_EVENT_KEY, "made by hand"));
      long t0 = System.nanoTime();
      assertThatThrownBy(
              () -> ProjectLock.acquire(p, Duration.ofSeconds(60), Duration.ofSeconds(30), m -> {}))
          .isInstanceOf(ApplyException.class)
          .hasMessageContaining("not a cspctl lock")
          .hasMessageContaining("cspctl force-unlock " + foreign.uid());
      assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3000);
      assertThat(LockEvents.forceUnlock(p, foreign.uid()).eventUid()).isEqualTo(foreign.uid());
      assertThat(locks(p)).isEmpty();
    }
  }

  @Test
  void aMalformedReplyToTheLockRequestIsAnError() {
    var clients = TestClients.clients(wm.baseUrl(), TestClients.authtoken());
    wm.stubFor(
        post(urlPathEqualTo("/events"))
            .willReturn(aResponse().withStatus(201).withBody("<html>proxy</html>")));
    wm.stubFor(get(urlPathEqualTo("/events")).willReturn(okJson("[]")));
    long t0 = System.nanoTime();
    assertThatThrownBy(
            () ->
                ProjectLock.acquire(
                    clients.personalize(), Duration.ofSeconds(60), Duration.ofSeconds(30), m -> {}))
        .isInstanceOf(ApplyException.class)
        .hasMessageStartingWith("unexpected reply to the project lock request");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3000);
  }

  @Test
  void aRefusalThatNoHeldLockExplainsIsAnErrorNotAWait() {
    var clients = TestClients.clients(wm.baseUrl(), TestClients.authtoken());
    wm.stubFor(
        post(urlPathEqualTo("/events"))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"personalize.EVENTS.LIMIT_REACHED\"}")));
    wm.stubFor(get(urlPathEqualTo("/events")).willReturn(okJson("[]")));
    assertThatThrownBy(
            () ->
                ProjectLock.acquire(
                    clients.personalize(), Duration.ofSeconds(60), Duration.ofSeconds(30), m -> {}))
        .isInstanceOf(ApplyException.class)
        .hasMessageContaining("refuses the project lock event although no apply holds the lock")
        .hasMessageContaining("LIMIT_REACHED");
  }

  @Test
  void aForbiddenLockRequestIsAnError() {
    var clients = TestClients.clients(wm.baseUrl(), TestClients.authtoken());
    wm.stubFor(
        post(urlPathEqualTo("/events"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"forbidden\"}")));
    assertThatThrownBy(
            () ->
                ProjectLock.acquire(
                    clients.personalize(), Duration.ofSeconds(60), Duration.ofSeconds(30), m -> {}))
        .isInstanceOf(ApplyException.class)
        .hasMessageContaining("unexpected reply to the project lock request")
        .hasMessageContaining("403");
  }

  @Test
  void aHolderWhoseLockIsForceUnlockedIsToldAndStops() throws Exception {
    try (E2E e2e = E2E.fast("", 1)) {
      var p = e2e.clients.personalize();
      StringBuilder notices = new StringBuilder();
      try (ProjectLock held =
          ProjectLock.acquire(
              p,
              ProjectLock.Lease.of(Duration.ofSeconds(1)),
              Duration.ofSeconds(1),
              new StopSignal(),
              Map.of(),
              notices::append)) {
        StopSignal stop = new StopSignal();
        held.onLost(stop);
        assertThat(LockEvents.forceUnlock(p, held.id()).id()).isEqualTo(held.id());
        long deadline = System.currentTimeMillis() + 3000;
        while (!stop.requested() && System.currentTimeMillis() < deadline) Thread.sleep(50);
        assertThat(stop.reason()).contains("was removed by someone else");
        assertThat(notices).contains("no further step starts");
      }
      assertThat(locks(p)).isEmpty();
    }
  }

  @Test
  void forceUnlockOfAnUnknownIdChangesNothingAndNamesTheHeldLock() {
    try (E2E e2e = E2E.fast("", 1)) {
      var p = e2e.clients.personalize();
      assertThatThrownBy(() -> LockEvents.forceUnlock(p, "nope"))
          .hasMessageContaining("the project is not locked");
      try (ProjectLock held =
          ProjectLock.acquire(p, Duration.ofSeconds(60), Duration.ofSeconds(1), m -> {})) {
        assertThatThrownBy(() -> LockEvents.forceUnlock(p, "nope"))
            .hasMessageContaining("no project lock has ID nope")
            .hasMessageContaining("lock ID " + held.id());
        assertThat(locks(p)).hasSize(1);
      }
    }
  }

  @Test
  void aStopRequestedWhileWaitingEndsTheWaitAtOnce() throws Exception {
    try (E2E e2e = E2E.fast("", 1)) {
      var p = e2e.clients.personalize();
      try (ProjectLock held =
          ProjectLock.acquire(p, Duration.ofSeconds(60), Duration.ofSeconds(1), m -> {})) {
        StopSignal stop = new StopSignal();
        new Thread(
                () -> {
                  sleep(300);
                  stop.request("test");
                })
            .start();
        long t0 = System.nanoTime();
        assertThatThrownBy(
                () ->
                    ProjectLock.acquire(
                        p,
                        ProjectLock.Lease.DEFAULT,
                        Duration.ofSeconds(30),
                        stop,
                        Map.of(),
                        m -> {}))
            .hasMessageContaining(
                "interrupted while waiting for the project lock; nothing was changed");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(4000);
        assertThat(locks(p)).hasSize(1);
      }
    }
  }

  @Test
  void lockDescriptionsRoundTripAndOldOnesParse() {
    LockRecord r =
        new LockRecord(
            "3f0c",
            "ci@runner-7; pid 42",
            Duration.ofSeconds(60),
            Instant.parse("2026-12-06T21:00:00Z"));
    assertThat(LockRecord.parse(r.description())).contains(r);
    assertThat(LockRecord.parse(ProjectLock.PREFIX + "abc until 2026-12-06T21:00:00Z"))
        .hasValueSatisfying(old -> assertThat(old.lease()).isEqualTo(Duration.ofMinutes(30)));
    assertThat(LockRecord.parse("made by hand")).isEmpty();
    assertThat(LockRecord.parse(ProjectLock.PREFIX + "abc until yesterday")).isEmpty();
  }

  @Test
  void theLockEventIsNeverPlannedCountedOrPruned() {
    try (E2E e2e = E2E.fast("", 1)) {
      DesiredState d = E2E.load(Path.of("specs"));
      assertThat(e2e.apply(d, false).succeeded()).isTrue();
      try (ProjectLock lock =
          ProjectLock.acquire(
              e2e.clients.personalize(), Duration.ofMinutes(5), Duration.ofSeconds(5), m -> {})) {
        var plan = e2e.plan(d, true);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.unmanagedIgnored()).isZero();
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
