package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.plan.Ownership;
import dev.cspctl.spec.DesiredState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProjectLockTest {
  @Test
  void aHeldLockMakesTheNextApplyWaitThenFailNamingTheHolder() {
    try (E2E e2e = E2E.fast("", 1)) {
      var p = e2e.clients.personalize();
      try (ProjectLock held = ProjectLock.acquire(p, Duration.ofMinutes(5), Duration.ofSeconds(1), m -> {})) {
        StringBuilder notices = new StringBuilder();
        assertThatThrownBy(() -> ProjectLock.acquire(p, Duration.ofMinutes(5), Duration.ofMillis(400), notices::append))
            .isInstanceOf(ApplyException.class)
            .hasMessageContaining("another cspctl apply holds the project lock").hasMessageContaining(ProjectLock.PREFIX);
        assertThat(notices).contains("Waiting for another cspctl apply");
      }
      assertThat(p.listEvents()).noneMatch(e -> e.key().equals(Ownership.LOCK_EVENT_KEY));
    }
  }

  @Test
  void anExpiredLockOfACrashedApplyIsTakenOver() {
    try (E2E e2e = E2E.fast("", 1)) {
      var p = e2e.clients.personalize();
      p.createEvent(new EventInput(Ownership.LOCK_EVENT_KEY, ProjectLock.PREFIX + "dead-run until " + Instant.now().minusSeconds(60)));
      try (ProjectLock lock = ProjectLock.acquire(p, Duration.ofMinutes(5), Duration.ofSeconds(5), m -> {})) {
        assertThat(p.listEvents()).filteredOn(e -> e.key().equals(Ownership.LOCK_EVENT_KEY)).singleElement()
            .satisfies(e -> assertThat(e.description()).doesNotContain("dead-run"));
      }
    }
  }

  @Test
  void theLockEventIsNeverPlannedCountedOrPruned() {
    try (E2E e2e = E2E.fast("", 1)) {
      DesiredState d = E2E.load(Path.of("specs"));
      assertThat(e2e.apply(d, false).succeeded()).isTrue();
      try (ProjectLock lock = ProjectLock.acquire(e2e.clients.personalize(), Duration.ofMinutes(5), Duration.ofSeconds(5), m -> {})) {
        var plan = e2e.plan(d, true);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.unmanagedIgnored()).isZero();
      }
    }
  }
}
