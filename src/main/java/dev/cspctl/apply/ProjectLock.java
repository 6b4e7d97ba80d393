package dev.cspctl.apply;

import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResponseLostException;
import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.api.personalize.PersonalizePort;
import dev.cspctl.apply.LockEvents.Held;
import dev.cspctl.plan.Ownership;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A project-wide lock for {@code cspctl apply}, held in the project itself: an event with key
 * {@link Ownership#LOCK_EVENT_KEY} whose description is a {@link LockRecord}. Two applies that
 * start together would otherwise both plan "create X" and both create it.
 *
 * <p>Protocol (safe whether or not the API refuses a second event with the same key, which is
 * SILENT in the docs): create the lock event, then list the lock events; the oldest (lowest
 * ObjectId, which is time-ordered) wins; a loser deletes its own event and waits.
 *
 * <p>The lock is a short lease that a thread of the holder renews (every third of the lease), so
 * the lock of a holder that died without releasing it (kill -9, a lost machine) stops blocking
 * within one lease: a waiter deletes a lock whose expiry has passed, or whose description it has
 * seen unchanged for longer than that lock's lease (which also covers a holder's clock running
 * behind). A holder whose lock was removed (force-unlock) or could not be renewed in time is told
 * through {@link #onLost}, so the apply stops starting steps.
 */
public final class ProjectLock implements AutoCloseable {
  static final String PREFIX = LockRecord.PREFIX;
  private static final int MAX_REFUSALS = 3;

  private final PersonalizePort personalize;
  private final String uid;
  private final Consumer<String> notice;
  private final ScheduledExecutorService renewer;
  private final AtomicBoolean released = new AtomicBoolean();
  private volatile LockRecord record;
  private volatile String lost;
  private volatile StopSignal lostListener;

  private ProjectLock(
      PersonalizePort personalize,
      String uid,
      LockRecord record,
      Lease lease,
      Consumer<String> notice) {
    this.personalize = personalize;
    this.uid = uid;
    this.record = record;
    this.notice = notice;
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cspctl-lock-renewal");
              t.setDaemon(true);
              return t;
            });
    long every = lease.renewEvery().toMillis();
    var unused =
        renewer.scheduleWithFixedDelay(
            this::renew, every, every, TimeUnit.MILLISECONDS); // stopped by close()
  }

  /**
   * The lease: how long the lock outlives its last renewal, and how often the holder renews it. The
   * default, 60 s renewed every 20 s, frees the lock of a dead holder within about a minute.
   */
  public record Lease(Duration length, Duration renewEvery) {
    public static final Lease DEFAULT = of(Duration.ofSeconds(60));

    public Lease {
      if (length.toSeconds() < 1)
        throw new IllegalArgumentException("the lock lease is at least 1 s");
    }

    public static Lease of(Duration length) {
      return new Lease(length, length.dividedBy(3));
    }
  }

  /** The lock with a fresh stop signal and no environment: for tests and tools. */
  public static ProjectLock acquire(
      PersonalizePort personalize, Duration lease, Duration maxWait, Consumer<String> notice) {
    return acquire(personalize, Lease.of(lease), maxWait, new StopSignal(), Map.of(), notice);
  }

  /**
   * Takes the lock, waiting at most {@code maxWait} for another holder.
   *
   * @param stop a requested stop (SIGINT/SIGTERM) ends the wait: nothing was changed
   * @throws ApplyException when another apply holds the lock past {@code maxWait}, when a lock
   *     event is not cspctl's, or when the API gives an unexpected reply to the lock request
   */
  public static ProjectLock acquire(
      PersonalizePort personalize,
      Lease lease,
      Duration maxWait,
      StopSignal stop,
      Map<String, String> env,
      Consumer<String> notice) {
    String run = UUID.randomUUID().toString();
    String holder = LockRecord.thisProcess(env);
    Instant deadline = Instant.now().plus(maxWait);
    Duration pause = Duration.ofMillis(100);
    Map<String, Seen> seen = new HashMap<>();
    int refusals = 0;
    boolean told = false;
    while (true) {
      if (stop.requested())
        throw new ApplyException(
            "interrupted while waiting for the project lock; nothing was changed");
      LockRecord mine =
          new LockRecord(run, holder, lease.length(), Instant.now().plus(lease.length()));
      RemoteApiException refusal = null;
      try {
        personalize.createEvent(new EventInput(Ownership.LOCK_EVENT_KEY, mine.description()));
      } catch (ResponseLostException e) {
        // whether it was created is learned from the list below
      } catch (RemoteApiException e) {
        // A 4xx may be "that key exists" (another apply holds the lock): the list tells. Any
        // other reply (auth, a malformed 2xx, a server error the transport gave up on) is an error.
        if (e.status() != 400 && e.status() != 409 && e.status() != 422) throw unexpected(e);
        refusal = e;
      }
      List<Held> locks = LockEvents.list(personalize);
      List<Held> own = locks.stream().filter(h -> h.id().equals(run)).toList();
      if (!own.isEmpty() && locks.get(0).id().equals(run)) {
        for (Held extra : own.subList(1, own.size()))
          LockEvents.delete(personalize, extra.eventUid());
        return new ProjectLock(personalize, locks.get(0).eventUid(), mine, lease, notice);
      }
      for (Held h : own) LockEvents.delete(personalize, h.eventUid());
      List<Held> others = locks.stream().filter(h -> !h.id().equals(run)).toList();
      if (others.isEmpty()) {
        // created but not listed, or refused with no lock to show for it
        if (++refusals >= MAX_REFUSALS) {
          throw new ApplyException(
              refusal != null
                  ? "the API refuses the project lock event although no apply holds the lock: "
                      + refusal.getMessage()
                  : "the API accepted the project lock event but does not list it (GET /events); cannot tell whether the lock is held");
        }
        sleep(pause);
        continue;
      }
      refusals = 0;
      Held first = others.get(0);
      if (stale(first, seen)) {
        LockEvents.delete(personalize, first.eventUid());
        notice.accept(
            "Removed an expired project lock ("
                + first.describe()
                + "): that apply stopped without releasing it.");
        continue;
      }
      if (Instant.now().isAfter(deadline)) throw heldError(first, maxWait);
      if (!told) {
        notice.accept(
            "Waiting for another cspctl apply on this project to finish ("
                + first.describe()
                + ")...");
        told = true;
      }
      sleep(pause);
      pause = Duration.ofMillis(Math.min(2000, pause.toMillis() * 2));
    }
  }

  /** When a waiter first saw a lock's description, by its own clock. */
  private record Seen(String description, long nanos) {}

  private static boolean stale(Held h, Map<String, Seen> seen) {
    if (h.record().expiredAt(Instant.now())) return true;
    String description = h.record().description();
    Seen s = seen.get(h.eventUid());
    if (s == null || !s.description().equals(description)) {
      seen.put(h.eventUid(), new Seen(description, System.nanoTime()));
      return false;
    }
    return System.nanoTime() - s.nanos() > h.record().lease().toNanos();
  }

  private static ApplyException heldError(Held h, Duration waited) {
    return new ApplyException(
        "another cspctl apply holds the project lock ("
            + h.describe()
            + "; event "
            + Ownership.LOCK_EVENT_KEY
            + "); waited "
            + waited.toSeconds()
            + " s. If that apply died, the lock frees itself when"
            + " its lease runs out; to remove it now: cspctl force-unlock "
            + h.id());
  }

  private static ApplyException unexpected(RemoteApiException e) {
    return new ApplyException("unexpected reply to the project lock request: " + e.getMessage(), e);
  }

  /** The lock ID: what the error of a waiting apply names and {@code cspctl force-unlock} takes. */
  public String id() {
    return record.id();
  }

  /** Tells {@code stop} when the lock is lost (removed by someone else, or not renewed in time). */
  public void onLost(StopSignal stop) {
    lostListener = stop;
    if (lost != null) stop.request(lost);
  }

  /** Why the lock was lost, or null while it is held. */
  public String lost() {
    return lost;
  }

  private void renew() {
    if (released.get() || lost != null) return;
    LockRecord next = record.renewed(Instant.now());
    try {
      personalize.updateEvent(uid, new EventInput(Ownership.LOCK_EVENT_KEY, next.description()));
      record = next;
    } catch (RemoteApiException e) {
      if (released.get()) return;
      if (e.status() == 404) {
        lose(
            "the project lock (lock ID "
                + id()
                + ") was removed by someone else (cspctl force-unlock?)");
      } else if (record.expiredAt(Instant.now().plus(Lease.of(record.lease()).renewEvery()))) {
        lose(
            "the project lock (lock ID "
                + id()
                + ") could not be renewed before it expires: "
                + e.getMessage());
      }
    } catch (RuntimeException e) {
      if (!released.get())
        lose("the project lock (lock ID " + id() + ") could not be renewed: " + e.getMessage());
    }
  }

  private void lose(String why) {
    lost = why;
    renewer.shutdown();
    notice.accept("error: " + why + "; no further step starts");
    StopSignal l = lostListener;
    if (l != null) l.request(why);
  }

  /**
   * Releases the lock (once; safe from a shutdown hook and the main thread at the same time). A
   * failed release is reported, not thrown: the lease frees the lock by itself.
   */
  @Override
  public void close() {
    if (!released.compareAndSet(false, true)) return;
    renewer.shutdownNow();
    try {
      LockEvents.delete(personalize, uid);
    } catch (RuntimeException e) {
      notice.accept(
          "warning: could not release the project lock (lock ID "
              + id()
              + "): "
              + e.getMessage()
              + "; it frees itself by "
              + record.expires()
              + ", or run 'cspctl force-unlock "
              + id()
              + "'");
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis() + (long) (Math.random() * 50));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApplyException(
          "interrupted while waiting for the project lock; nothing was changed");
    }
  }
}
