package dev.cspctl.apply;

import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResponseLostException;
import dev.cspctl.api.personalize.Event;
import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.api.personalize.PersonalizeClient;
import dev.cspctl.plan.Ownership;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A project-wide lock for {@code cspctl apply}, held in the project itself: an event with key
 * {@link Ownership#LOCK_EVENT_KEY} whose description names the holder and an expiry. Two
 * applies that start together would otherwise both plan "create X" and both create it.
 *
 * <p>Protocol (safe whether or not the API refuses a second event with the same key, which is
 * SILENT in the docs): create the lock event, then list the lock events; the oldest (lowest
 * ObjectId, which is time-ordered) wins; a loser deletes its own event and waits. A lock past
 * its expiry (a crashed holder) is deleted by the next waiter.
 */
public final class ProjectLock implements AutoCloseable {
  static final String PREFIX = "cspctl apply lock held by run ";

  private final PersonalizeClient personalize;
  private final String uid;

  private ProjectLock(PersonalizeClient personalize, String uid) {
    this.personalize = personalize;
    this.uid = uid;
  }

  public static ProjectLock acquire(PersonalizeClient personalize, Duration ttl, Duration maxWait, Consumer<String> notice) {
    String run = UUID.randomUUID().toString();
    Instant deadline = Instant.now().plus(maxWait);
    Duration pause = Duration.ofMillis(100);
    boolean told = false;
    while (true) {
      String description = PREFIX + run + " until " + Instant.now().plus(ttl);
      try {
        personalize.createEvent(new EventInput(Ownership.LOCK_EVENT_KEY, description));
      } catch (ResponseLostException e) {
        // whether it was created is learned from the list below
      } catch (RemoteApiException e) {
        if (e.status() >= 500 || e.status() == 0) throw e;
        // 4xx: most likely "key exists": someone holds the lock
      }
      List<Event> locks = personalize.listEvents().stream()
          .filter(ev -> Ownership.LOCK_EVENT_KEY.equals(ev.key()))
          .sorted(Comparator.comparing(Event::uid)).toList();
      Optional<Event> mine = locks.stream().filter(ev -> ev.description() != null && ev.description().contains(run)).findFirst();
      if (mine.isPresent() && locks.get(0).uid().equals(mine.get().uid())) {
        return new ProjectLock(personalize, mine.get().uid());
      }
      mine.ifPresent(ev -> deleteQuietly(personalize, ev.uid()));
      if (!locks.isEmpty() && expired(locks.get(0)) && (mine.isEmpty() || !locks.get(0).uid().equals(mine.get().uid()))) {
        deleteQuietly(personalize, locks.get(0).uid());
        continue;
      }
      if (Instant.now().isAfter(deadline)) {
        String holder = locks.isEmpty() ? "(unknown)" : locks.get(0).description();
        throw new ApplyException("another cspctl apply holds the project lock (event " + Ownership.LOCK_EVENT_KEY + ": " + holder
            + "); waited " + maxWait.toSeconds() + " s. If that apply died, delete the event or wait for its expiry");
      }
      if (!told) {
        notice.accept("Waiting for another cspctl apply on this project to finish (lock event " + Ownership.LOCK_EVENT_KEY + ")...");
        told = true;
      }
      sleep(pause);
      pause = Duration.ofMillis(Math.min(2000, pause.toMillis() * 2));
    }
  }

  static boolean expired(Event lock) {
    String d = lock.description() == null ? "" : lock.description();
    int at = d.lastIndexOf(" until ");
    if (at < 0) return false;
    try {
      return Instant.parse(d.substring(at + " until ".length()).trim()).isBefore(Instant.now());
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static void deleteQuietly(PersonalizeClient personalize, String uid) {
    try {
      personalize.deleteEvent(uid);
    } catch (RemoteApiException e) {
      if (e.status() != 404) throw e;
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis() + (long) (Math.random() * 50));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApplyException("interrupted while waiting for the project lock");
    }
  }

  @Override
  public void close() {
    deleteQuietly(personalize, uid);
  }
}
