package dev.cspctl.apply;

import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.personalize.PersonalizePort;
import dev.cspctl.api.personalize.RemoteEvent;
import dev.cspctl.plan.Ownership;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The project lock's events as they stand in the project: listed, parsed, removed by hand. */
public final class LockEvents {
  private LockEvents() {}

  /** A lock event as it stands in the project: the event uid and what its description says. */
  public record Held(String eventUid, LockRecord record) {
    public String id() {
      return record.id();
    }

    public String describe() {
      return "lock ID "
          + record.id()
          + ", held by "
          + record.holder()
          + ", expires "
          + record.expires()
          + " unless renewed";
    }
  }

  /**
   * The lock events of the project, oldest first.
   *
   * @throws ApplyException when an event with the lock's key is not a cspctl lock: it would block
   *     every apply, and guessing its expiry would be wrong
   */
  public static List<Held> list(PersonalizePort personalize) {
    List<RemoteEvent> events =
        personalize.listEvents().stream()
            .filter(ev -> Ownership.LOCK_EVENT_KEY.equals(ev.key()))
            .sorted(Comparator.comparing(RemoteEvent::uid))
            .toList();
    List<Held> out = new ArrayList<>();
    for (RemoteEvent ev : events) {
      LockRecord r =
          LockRecord.parse(ev.description())
              .orElseThrow(
                  () ->
                      new ApplyException(
                          "the project has an event "
                              + Ownership.LOCK_EVENT_KEY
                              + " (uid "
                              + ev.uid()
                              + ") that is not a cspctl lock (description \""
                              + ev.description()
                              + "\"); delete it in the UI or run 'cspctl force-unlock "
                              + ev.uid()
                              + "'"));
      out.add(new Held(ev.uid(), r));
    }
    return out;
  }

  /**
   * Removes the lock with this lock ID (or lock event uid), whoever holds it: for an apply that
   * died. Returns what was removed.
   *
   * @throws ApplyException when no lock has that ID (naming the lock that is held, if any)
   */
  public static Held forceUnlock(PersonalizePort personalize, String lockId) {
    List<Held> locks;
    try {
      locks = list(personalize);
    } catch (ApplyException e) {
      // an event with the lock's key that is not a cspctl lock: removable by its uid
      RemoteEvent ev =
          personalize.listEvents().stream()
              .filter(x -> Ownership.LOCK_EVENT_KEY.equals(x.key()) && x.uid().equals(lockId))
              .findFirst()
              .orElseThrow(() -> e);
      delete(personalize, ev.uid());
      return new Held(
          ev.uid(),
          new LockRecord(ev.uid(), "unknown", ProjectLock.Lease.DEFAULT.length(), Instant.EPOCH));
    }
    for (Held h : locks) {
      if (h.id().equals(lockId) || h.eventUid().equals(lockId)) {
        delete(personalize, h.eventUid());
        return h;
      }
    }
    throw new ApplyException(
        locks.isEmpty()
            ? "the project is not locked (no lock with ID " + lockId + ")"
            : "no project lock has ID "
                + lockId
                + "; the project is locked by "
                + locks.get(0).describe());
  }

  /** Deletes a lock event; one that is gone already is fine. */
  static void delete(PersonalizePort personalize, String uid) {
    try {
      personalize.deleteEvent(uid);
    } catch (RemoteApiException e) {
      if (e.status() != 404) throw e;
    }
  }
}
