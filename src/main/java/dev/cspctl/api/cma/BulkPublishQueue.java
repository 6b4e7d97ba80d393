package dev.cspctl.api.cma;

import dev.cspctl.api.ApiAssumptions;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResourceRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges the bulk publishes of concurrent callers into as few requests as the bulk limits allow,
 * without making any caller wait longer than the 1 req/s bulk rate already does.
 *
 * <p>One caller at a time is the sender (the first to find no sender; no thread of its own). It
 * waits until the bulk bucket has a permit, then takes everything queued at that moment, merges it
 * by entry and locale with the union of the variant uids, sends one request (oldest items first,
 * within {@link Limits}) and completes every caller whose items have now all been sent. It sends
 * until its own items are out, then hands over to a waiting caller. So a caller that finds the
 * permit free sends at once, one that arrives while the sender waits for the permit goes out with
 * that permit, and shared entries are published once per request, with all their variants: twenty
 * experiences publishing the same three entries cost as many requests as there are permits while
 * they become ready, not twenty.
 *
 * <p>A failed request fails exactly the callers with an item in it, with the API's message; their
 * items not yet sent are dropped, every other caller goes on.
 *
 * <p>Each request carries one locale: a request's {@code locales} apply to all its entries (§10),
 * so entries of different locales in one request would publish each in the other's locale too.
 */
public final class BulkPublishQueue {
  /**
   * What one request may hold: entries[] items, environments, variants per item. {@code
   * variantsPerEntry} is 1 when each variant is an item of its own ({@link
   * ApiAssumptions.BulkVariantFormat#VARIANT_UID_FIELD}).
   */
  public record Limits(int entries, int environments, int variantsPerEntry) {
    public Limits {
      if (entries < 1 || environments < 1 || variantsPerEntry < 1) {
        throw new IllegalArgumentException("bulk limits must be at least 1");
      }
    }

    /** §10: 10 entries x 10 environments (x 10 locales; one locale per request here). */
    public static Limits documented() {
      int variants =
          ApiAssumptions.BULK_VARIANT_FORMAT == ApiAssumptions.BulkVariantFormat.VARIANT_UID_FIELD
              ? 1
              : ApiAssumptions.BULK_MAX_VARIANTS_PER_ENTRY;
      return new Limits(
          ApiAssumptions.BULK_MAX_ENTRIES, ApiAssumptions.BULK_MAX_ENVIRONMENTS, variants);
    }
  }

  /** Sends bulk requests: waits for the bulk permit without taking it, then sends. */
  interface Sender {
    void awaitPermit();

    PublishResult send(BulkPublishRequest request);
  }

  /**
   * What a caller's publish took: the requests that carried its items, and how many other callers
   * had items in those requests.
   */
  public record Receipt(int requests, int mergedWith) {}

  private final Sender sender;
  private final Limits limits;

  /** Queued items, oldest first. Guarded by {@code this}. */
  private final List<Part> pending = new ArrayList<>();

  private boolean sending;
  private long sent;

  public BulkPublishQueue(CmaPort cma) {
    this(
        new Sender() {
          @Override
          public void awaitPermit() {
            cma.awaitBulkPermit();
          }

          @Override
          public PublishResult send(BulkPublishRequest request) {
            return cma.bulkPublish(request);
          }
        },
        Limits.documented());
  }

  BulkPublishQueue(Sender sender, Limits limits) {
    this.sender = sender;
    this.limits = limits;
  }

  /**
   * Publishes {@code entries} (each in its own locale, with its variants) to {@code environments};
   * returns once requests holding all of them succeeded. A failure is rethrown naming {@code about}
   * (when given).
   */
  public Receipt publish(List<BulkEntry> entries, List<String> environments, ResourceRef about) {
    Ticket ticket = new Ticket();
    List<Part> parts = parts(ticket, entries, environments, limits);
    if (parts.isEmpty()) return new Receipt(0, 0);
    synchronized (this) {
      ticket.remaining = parts.size();
      pending.addAll(parts);
    }
    while (true) {
      synchronized (this) {
        while (!ticket.done() && sending) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(ticket);
            throw new IllegalStateException("interrupted while waiting for a bulk publish", e);
          }
        }
        if (ticket.done()) return ticket.receipt(about);
        sending = true;
      }
      try {
        while (!isDone(ticket)) sendOne();
      } catch (RuntimeException | Error e) {
        synchronized (this) {
          cancel(ticket);
        }
        throw e;
      } finally {
        synchronized (this) {
          sending = false;
          notifyAll();
        }
      }
    }
  }

  /** Requests sent so far. */
  public synchronized long requestsSent() {
    return sent;
  }

  /** Items queued and not yet sent (tests). */
  synchronized int queued() {
    return pending.size();
  }

  private synchronized boolean isDone(Ticket t) {
    return t.done();
  }

  /** One round of the sender: permit, take what is queued, send one request, complete callers. */
  private void sendOne() {
    sender.awaitPermit();
    Packed batch;
    synchronized (this) {
      // the sender's own items are queued until sent, so the queue is not empty here
      if (pending.isEmpty())
        throw new IllegalStateException("bulk publish queue: sender with nothing queued");
      batch = pack(pending, limits);
      pending.removeAll(batch.covered());
      sent++;
    }
    RuntimeException failure = null;
    try {
      sender.send(batch.request());
    } catch (RuntimeException e) {
      failure = e;
    }
    synchronized (this) {
      Set<Ticket> tickets = new LinkedHashSet<>();
      batch.covered().forEach(p -> tickets.add(p.ticket()));
      for (Ticket t : tickets) {
        t.requests++;
        t.others.addAll(tickets);
        t.others.remove(t);
      }
      if (failure != null) {
        for (Ticket t : tickets) {
          if (t.failure == null) t.failure = failure;
          cancel(t);
        }
      } else {
        for (Part p : batch.covered()) p.ticket().remaining--;
      }
      notifyAll();
    }
  }

  private void cancel(Ticket t) {
    pending.removeIf(p -> p.ticket() == t);
  }

  /**
   * The fewest requests that can publish all of {@code entries} to {@code environments} at once
   * within {@code limits}: what the queue sends when everything is queued before the first permit.
   */
  public static int minimumRequests(
      List<BulkEntry> entries, List<String> environments, Limits limits) {
    List<Part> left = parts(new Ticket(), entries, environments, limits);
    int n = 0;
    while (!left.isEmpty()) {
      left.removeAll(pack(left, limits).covered());
      n++;
    }
    return n;
  }

  // --- packing

  private record EntryKey(String contentType, String uid, Integer version) {}

  /**
   * One variant (or the base entry: {@code variant == null}) of one entry, locale and environment
   * chunk.
   */
  private record Part(
      Ticket ticket, List<String> environments, String locale, EntryKey entry, VariantRef variant) {
    boolean sameRequest(Part o) {
      return environments.equals(o.environments) && locale.equals(o.locale);
    }
  }

  private record Packed(BulkPublishRequest request, List<Part> covered) {}

  private static List<Part> parts(
      Ticket t, List<BulkEntry> entries, List<String> environments, Limits limits) {
    List<Part> out = new ArrayList<>();
    if (entries.isEmpty()) return out;
    List<String> envs = List.copyOf(new LinkedHashSet<>(environments));
    if (envs.isEmpty()) throw new IllegalArgumentException("bulk publish needs environments");
    for (List<String> chunk : BulkPublishBatcher.chunks(envs, limits.environments())) {
      for (BulkEntry e : entries) {
        EntryKey key = new EntryKey(e.contentType(), e.uid(), e.version());
        if (e.variants().isEmpty()) {
          out.add(new Part(t, chunk, e.locale(), key, null));
        }
        for (VariantRef v : new LinkedHashSet<>(e.variants())) {
          out.add(new Part(t, chunk, e.locale(), key, v));
        }
      }
    }
    return out;
  }

  /**
   * One request from the oldest queued items: the oldest item's locale and environments, then every
   * queued item for those, entry by entry, each entry once with the union of its variants, until
   * {@link Limits} are reached. Items that do not fit stay queued.
   */
  private static Packed pack(List<Part> queue, Limits limits) {
    Part first = queue.get(0);
    List<Slot> slots = new ArrayList<>();
    List<Part> covered = new ArrayList<>();
    for (Part p : queue) {
      if (!p.sameRequest(first)) continue;
      Slot slot =
          slots.stream()
              .filter(s -> s.entry.equals(p.entry()) && s.takes(p.variant(), limits))
              .findFirst()
              .orElse(null);
      if (slot == null) {
        if (slots.size() >= limits.entries()) continue;
        slot = new Slot(p.entry());
        slots.add(slot);
      }
      if (p.variant() != null) slot.variants.add(p.variant());
      covered.add(p);
    }
    List<BulkEntry> items =
        slots.stream()
            .map(
                s ->
                    new BulkEntry(
                        s.entry.uid(),
                        s.entry.contentType(),
                        s.entry.version(),
                        first.locale(),
                        List.copyOf(s.variants)))
            .toList();
    return new Packed(
        new BulkPublishRequest(items, List.of(first.locale()), first.environments()), covered);
  }

  /** One entries[] item being filled. */
  private static final class Slot {
    final EntryKey entry;
    final Set<VariantRef> variants = new LinkedHashSet<>();

    Slot(EntryKey entry) {
      this.entry = entry;
    }

    boolean takes(VariantRef v, Limits limits) {
      return v == null || variants.contains(v) || variants.size() < limits.variantsPerEntry();
    }
  }

  /** One caller's publish. Guarded by the queue's monitor. */
  private static final class Ticket {
    int remaining;
    int requests;
    final Set<Ticket> others = new HashSet<>();
    RuntimeException failure;

    boolean done() {
      return failure != null || remaining == 0;
    }

    Receipt receipt(ResourceRef about) {
      if (failure != null) {
        if (failure instanceof RemoteApiException r && about != null) throw r.withResource(about);
        throw failure;
      }
      return new Receipt(requests, others.size());
    }
  }
}
