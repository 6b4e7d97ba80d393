package dev.cspctl.api.cma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cspctl.api.Api;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResourceRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent callers of {@link BulkPublishQueue} against a scripted sender whose bulk permits the
 * test hands out.
 */
class BulkPublishQueueTest {
  private static final BulkPublishQueue.Limits DOCUMENTED =
      new BulkPublishQueue.Limits(10, 10, Integer.MAX_VALUE);
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final ScriptedSender sender = new ScriptedSender();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void aCallerSendsAtOnceWhenThePermitIsFree() {
    sender.permits.release(100);
    BulkPublishQueue queue = new BulkPublishQueue(sender, DOCUMENTED);
    long t0 = System.nanoTime();
    BulkPublishQueue.Receipt r =
        queue.publish(entries("en-us", "x", "A", "B"), List.of("production"), null);
    assertThat((System.nanoTime() - t0) / 1e6).isLessThan(500);
    assertThat(r).isEqualTo(new BulkPublishQueue.Receipt(1, 0));
    assertThat(sender.sent)
        .singleElement()
        .satisfies(
            req -> {
              assertThat(req.entries()).extracting(BulkEntry::uid).containsExactly("A", "B");
              assertThat(req.entries().get(0).variants())
                  .extracting(VariantRef::uid)
                  .containsExactly("x1", "x2");
              assertThat(req.locales()).containsExactly("en-us");
              assertThat(req.environments()).containsExactly("production");
            });
  }

  @Test
  void callersQueuedWhileTheSenderWaitsForThePermitShareOneRequestWithTheUnionOfTheirVariants()
      throws Exception {
    BulkPublishQueue queue = new BulkPublishQueue(sender, DOCUMENTED);
    List<Future<BulkPublishQueue.Receipt>> callers = new ArrayList<>();
    for (String experience : List.of("a", "b", "c", "d", "e")) {
      callers.add(
          pool.submit(
              () ->
                  queue.publish(
                      entries("en-us", experience, "E1", "E2", "E3"),
                      List.of("production"),
                      null)));
    }
    await(() -> queue.queued() == 5 * 3 * 2 && sender.waiting.get() == 1);
    sender.permits.release();
    for (Future<BulkPublishQueue.Receipt> f : callers) {
      assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(new BulkPublishQueue.Receipt(1, 4));
    }
    assertThat(sender.sent)
        .singleElement()
        .satisfies(
            req -> {
              assertThat(req.entries())
                  .extracting(BulkEntry::uid)
                  .containsExactly("E1", "E2", "E3");
              for (BulkEntry e : req.entries()) {
                assertThat(e.variants())
                    .extracting(VariantRef::uid)
                    .containsExactlyInAnyOrder(
                        "a1", "a2", "b1", "b2", "c1", "c2", "d1", "d2", "e1", "e2");
              }
            });
  }

  @Test
  void aCallerWhoseItemsWentOutDoesNotWaitForCallersQueuedAfterIt() throws Exception {
    BulkPublishQueue queue = new BulkPublishQueue(sender, DOCUMENTED);
    CountDownLatch firstSent = new CountDownLatch(1);
    CountDownLatch releaseFirstReply = new CountDownLatch(1);
    sender.onSend =
        req -> {
          if (req.entries().get(0).variants().get(0).uid().startsWith("a")) {
            firstSent.countDown();
            await(releaseFirstReply);
          }
        };
    sender.permits.release();
    Future<BulkPublishQueue.Receipt> a =
        pool.submit(() -> queue.publish(entries("en-us", "a", "E1"), List.of("production"), null));
    assertThat(firstSent.await(5, TimeUnit.SECONDS)).isTrue();
    // b arrives while a's request is in flight: it waits for the next permit, a does not wait for b
    Future<BulkPublishQueue.Receipt> b =
        pool.submit(() -> queue.publish(entries("en-us", "b", "E1"), List.of("production"), null));
    await(() -> queue.queued() == 2);
    releaseFirstReply.countDown();
    assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo(new BulkPublishQueue.Receipt(1, 0));
    assertThat(b.isDone()).isFalse();
    await(() -> sender.waiting.get() == 1);
    sender.permits.release();
    assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo(new BulkPublishQueue.Receipt(1, 0));
    assertThat(sender.sent).hasSize(2);
  }

  @Test
  void splitsByEntriesEnvironmentsVariantsPerEntryAndLocaleAndCoversEveryItemOnce() {
    sender.permits.release(100);
    BulkPublishQueue.Limits small = new BulkPublishQueue.Limits(2, 2, 2);
    BulkPublishQueue queue = new BulkPublishQueue(sender, small);
    List<BulkEntry> es = new ArrayList<>();
    for (String uid : List.of("A", "B", "C")) {
      es.add(
          new BulkEntry(
              uid,
              "ct",
              null,
              "en-us",
              List.of(
                  new VariantRef("v1", null),
                  new VariantRef("v2", null),
                  new VariantRef("v3", null))));
    }
    es.add(new BulkEntry("A", "ct", null, "fr-fr", List.of(new VariantRef("v1", null))));
    List<String> envs = List.of("e1", "e2", "e3");
    BulkPublishQueue.Receipt r = queue.publish(es, envs, null);
    // en-us: 6 items (A, B, C with 2 + 1 variants) in 3 requests, per environment chunk [e1 e2]
    // [e3]; fr-fr: 1 per chunk
    assertThat(r.requests()).isEqualTo(8);
    assertThat(BulkPublishQueue.minimumRequests(es, envs, small)).isEqualTo(8);
    Set<String> published = new HashSet<>();
    for (BulkPublishRequest req : sender.sent) {
      assertThat(req.entries()).hasSizeLessThanOrEqualTo(2);
      assertThat(req.environments()).hasSizeLessThanOrEqualTo(2);
      assertThat(req.locales()).hasSize(1);
      for (BulkEntry e : req.entries()) {
        assertThat(e.locale()).isEqualTo(req.locales().get(0));
        assertThat(e.variants()).hasSizeBetween(1, 2);
        for (VariantRef v : e.variants()) {
          for (String env : req.environments()) {
            assertThat(published.add(e.uid() + "/" + e.locale() + "/" + v.uid() + "/" + env))
                .as("published once")
                .isTrue();
          }
        }
      }
    }
    assertThat(published).hasSize(3 * 3 * 3 + 3);
    assertThat(BulkPublishQueue.minimumRequests(es, List.of("e1"), DOCUMENTED)).isEqualTo(2);
  }

  @Test
  void aFailedRequestFailsExactlyTheCallersWithItemsInItWithTheApisMessage() throws Exception {
    BulkPublishQueue queue = new BulkPublishQueue(sender, DOCUMENTED);
    sender.fail = req -> req.locales().contains("en-us");
    // a first (it becomes the sender and waits for the permit), then b (merged with a), then c
    // (another locale)
    Future<BulkPublishQueue.Receipt> a =
        pool.submit(
            () ->
                queue.publish(
                    entries("en-us", "a", "E1"),
                    List.of("production"),
                    ResourceRef.of("experience", "A")));
    await(() -> queue.queued() == 2 && sender.waiting.get() == 1);
    Future<BulkPublishQueue.Receipt> b =
        pool.submit(
            () ->
                queue.publish(
                    entries("en-us", "b", "E1", "E2"),
                    List.of("production"),
                    ResourceRef.of("experience", "B")));
    await(() -> queue.queued() == 2 + 4);
    Future<BulkPublishQueue.Receipt> c =
        pool.submit(
            () ->
                queue.publish(
                    entries("fr-fr", "c", "E1"),
                    List.of("production"),
                    ResourceRef.of("experience", "C")));
    await(() -> queue.queued() == 2 + 4 + 2);
    sender.permits.release(2);
    assertThat(c.get(5, TimeUnit.SECONDS)).isEqualTo(new BulkPublishQueue.Receipt(1, 0));
    for (var f : List.of(Map.entry(a, "A"), Map.entry(b, "B"))) {
      assertThatThrownBy(() -> f.getKey().get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(RemoteApiException.class)
          .hasMessageContaining("(422): The entry variant 'a1' does not exist")
          .hasMessageContaining("[experience \"" + f.getValue() + "\"]");
    }
    assertThat(sender.sent).hasSize(2);
  }

  @Test
  void aCallerWhoseFirstRequestFailedSendsNothingMore() {
    sender.permits.release(100);
    sender.fail = req -> req.entries().get(0).uid().equals("E1");
    BulkPublishQueue queue = new BulkPublishQueue(sender, new BulkPublishQueue.Limits(1, 10, 10));
    assertThatThrownBy(
            () -> queue.publish(entries("en-us", "a", "E1", "E2"), List.of("production"), null))
        .isInstanceOf(RemoteApiException.class);
    assertThat(sender.sent).hasSize(1);
    assertThat(queue.queued()).isZero();
    // the queue goes on for the next caller
    assertThat(queue.publish(entries("en-us", "b", "E2"), List.of("production"), null).requests())
        .isEqualTo(1);
  }

  @Test
  void manyConcurrentCallersAreEachCompletedOnceEveryItemIsOut() throws Exception {
    BulkPublishQueue queue = new BulkPublishQueue(sender, DOCUMENTED);
    Thread handOut =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                sender.permits.release();
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    handOut.start();
    try {
      List<Future<BulkPublishQueue.Receipt>> callers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String experience = "x" + i;
        String[] uids = {"E" + (i % 13), "E" + (i % 7), "S"};
        callers.add(
            pool.submit(
                () ->
                    queue.publish(
                        entries("en-us", experience, uids), List.of("production"), null)));
      }
      for (Future<BulkPublishQueue.Receipt> f : callers)
        assertThat(f.get(10, TimeUnit.SECONDS).requests()).isBetween(1, 3);
    } finally {
      handOut.interrupt();
    }
    Set<String> published = new HashSet<>();
    for (BulkPublishRequest req : sender.sent) {
      assertThat(req.entries()).hasSizeLessThanOrEqualTo(10);
      for (BulkEntry e : req.entries())
        e.variants().forEach(v -> published.add(e.uid() + "/" + v.uid()));
    }
    for (int i = 0; i < 40; i++) {
      for (String uid : List.of("E" + (i % 13), "E" + (i % 7), "S")) {
        assertThat(published).contains(uid + "/x" + i + "1", uid + "/x" + i + "2");
      }
    }
    assertThat(sender.sent.size()).isLessThan(40);
    assertThat(queue.queued()).isZero();
  }

  /**
   * Each entry with the caller's two variants ({@code experience + "1"}, {@code experience + "2"}).
   */
  private static List<BulkEntry> entries(String locale, String experience, String... uids) {
    List<BulkEntry> out = new ArrayList<>();
    for (String uid : uids) {
      out.add(
          new BulkEntry(
              uid,
              "ct",
              null,
              locale,
              List.of(
                  new VariantRef(experience + "1", null), new VariantRef(experience + "2", null))));
    }
    return out;
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("condition not reached in 5 s");
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.SECONDS)) throw new AssertionError(new TimeoutException());
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Permits come from {@link #permits}; every request is recorded; {@link #fail} picks those that
   * get a 422.
   */
  private static final class ScriptedSender implements BulkPublishQueue.Sender {
    final Semaphore permits = new Semaphore(0);
    final AtomicInteger waiting = new AtomicInteger();
    final List<BulkPublishRequest> sent = Collections.synchronizedList(new ArrayList<>());
    volatile Predicate<BulkPublishRequest> fail = r -> false;
    volatile java.util.function.Consumer<BulkPublishRequest> onSend = r -> {};

    @Override
    public void awaitPermit() {
      waiting.incrementAndGet();
      permits.acquireUninterruptibly();
      waiting.decrementAndGet();
    }

    @Override
    public PublishResult send(BulkPublishRequest request) {
      sent.add(request);
      onSend.accept(request);
      if (fail.test(request)) {
        String variant = request.entries().get(0).variants().get(0).uid();
        throw new RemoteApiException(
            Api.CMA,
            "POST",
            "/v3/bulk/publish",
            422,
            "The entry variant '" + variant + "' does not exist",
            null);
      }
      return new PublishResult("Your bulk publish request is in progress.", "job-" + sent.size());
    }
  }
}
