package dev.cspctl.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.cma.BulkEntry;
import dev.cspctl.api.cma.BulkPublishQueue;
import dev.cspctl.api.cma.VariantRef;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.emulator.RequestLog;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanOptions;
import dev.cspctl.plan.Planner;
import dev.cspctl.plan.Step;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.StateReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark: a generated project against the emulator with injected latency and the real rate
 * limits, four measured phases, and the naive one-request-at-a-time baseline. Prints one line per
 * phase and, last, one JSON line with every figure. Per phase: requests per bucket, the bound
 * (busiest bucket's requests / its rate, plus one {@code _cms} delay when the phase configures a
 * version), the critical path ({@link CriticalPath}), wall / bound and wall / (rate bound +
 * critical path), where the rate bound leaves the {@code _cms} delay to the critical path so it is
 * not counted twice.
 */
final class BenchmarkRunner {
  /** Server-side limits of the emulator's buckets (requests per second). */
  static final Map<String, Double> RATES =
      Map.of("PERSONALIZE", 10.0, "CMA_READ", 10.0, "CMA_WRITE", 10.0, "BULK", 1.0);

  static final ObjectMapper M = new ObjectMapper();

  record Settings(
      BenchProject size,
      long latencyMs,
      long cmsDelayMs,
      int applyParallelism,
      int readParallelism,
      boolean naive) {
    static Settings fromProperties(BenchProject base, long latencyMs, boolean naive) {
      return new Settings(
          BenchProject.fromProperties(base),
          Long.getLong("bench.latencyMs", latencyMs),
          Long.getLong("bench.cmsDelayMs", 300),
          Integer.getInteger("bench.parallelism", 8),
          Integer.getInteger("bench.readParallelism", 4),
          Boolean.parseBoolean(System.getProperty("bench.naive", String.valueOf(naive))));
    }
  }

  private final Settings settings;
  private final Path work;
  private final PrintStream out;
  private StepRequests stepRequests;

  BenchmarkRunner(Settings settings, Path work, PrintStream out) {
    this.settings = settings;
    this.work = work;
    this.out = out;
  }

  /** Runs everything; returns the JSON figures (also printed as the last line). */
  ObjectNode run() {
    BenchProject p = settings.size();
    Path seed = p.writeEntriesSeed(work.resolve("entries.json"));
    DesiredState desired = E2E.load(p.writeSpecs(work.resolve("specs"), 0));
    int changedCount = Math.max(1, p.experiences() / 10);
    DesiredState changed = E2E.load(p.writeSpecs(work.resolve("specs-changed"), changedCount));
    ObjectNode json = M.createObjectNode();
    ObjectNode cfg = json.putObject("settings");
    cfg.put("workload", p.sharedEntries() ? "shared entries" : "own entries")
        .put("attributes", p.attributes())
        .put("events", p.events())
        .put("audiences", p.audiences())
        .put("experiences", p.experiences())
        .put("variantsPerExperience", p.variants())
        .put("entriesPerVariant", p.entries())
        .put("entries", p.entryCount())
        .put("entryVariants", p.entryVariants())
        .put("latencyMs", settings.latencyMs())
        .put("cmsDelayMs", settings.cmsDelayMs())
        .put("applyParallelism", settings.applyParallelism())
        .put("readParallelism", settings.readParallelism())
        .put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    out.printf(
        Locale.ROOT,
        "benchmark: %s, %d entry variants in %d entries, latency %d ms, _cms delay %d ms, real rate limits%n",
        p,
        p.entryVariants(),
        p.entryCount(),
        settings.latencyMs(),
        settings.cmsDelayMs());
    ObjectNode phases = json.putObject("phases");
    HeapSampler heap = new HeapSampler();
    stepRequests =
        new StepRequests(out, "INFO".equalsIgnoreCase(System.getProperty("bench.httpLog", "WARN")));
    try (E2E e2e = harness(seed)) {
      phases.set(
          "planEmpty",
          measure(
              e2e,
              heap,
              "plan (empty project)",
              mark -> plan(e2e, desired, settings.readParallelism())));
      phases.set(
          "applyFromEmpty",
          measure(
              e2e,
              heap,
              "apply (from empty)",
              mark ->
                  apply(
                      e2e,
                      desired,
                      settings.readParallelism(),
                      settings.applyParallelism(),
                      mark,
                      stepRequests)));
      phases.set(
          "planNoChanges",
          measure(
              e2e,
              heap,
              "plan (no changes)",
              mark -> plan(e2e, desired, settings.readParallelism())));
      phases.set(
          "apply10pct",
          measure(
              e2e,
              heap,
              "apply (10% change: "
                  + changedCount
                  + " experiences' content, "
                  + changedCount
                  + " audiences)",
              mark ->
                  apply(
                      e2e,
                      changed,
                      settings.readParallelism(),
                      settings.applyParallelism(),
                      mark,
                      stepRequests)));
      Plan after = plan(e2e, changed, settings.readParallelism());
      json.put("convergedAfter10pct", after.changes().isEmpty());
      if (settings.naive()) {
        try (E2E naive = harness(seed)) {
          ObjectNode n =
              measure(
                  naive,
                  new HeapSampler(),
                  "naive baseline: apply from empty, one request at a time",
                  mark -> apply(naive, desired, 1, 1, mark, stepRequests));
          json.set("naiveApplyFromEmpty", n);
          double ratio =
              n.path("wallSeconds").asDouble()
                  / phases.path("applyFromEmpty").path("wallSeconds").asDouble();
          json.put("naiveOverCspctl", round(ratio));
          out.printf(Locale.ROOT, "naive / cspctl (apply from empty): %.2f%n", ratio);
        }
      }
    } finally {
      heap.close();
      stepRequests.close();
    }
    out.println(json.toString());
    return json;
  }

  private E2E harness(Path seed) {
    return new E2E(
        EmulatorConfig.builder()
            .latencyMs(settings.latencyMs())
            .rateLimit(true)
            .cmsDelayMs(settings.cmsDelayMs())
            .entriesFile(seed),
        TransportConfig.defaults());
  }

  static Plan plan(E2E e2e, DesiredState d, int readParallelism) {
    LiveState live =
        new StateReader(e2e.clients.personalize(), e2e.clients.cma(), readParallelism)
            .read(E2E.scope(d));
    return new Planner().plan(d, live, new PlanOptions(false, Set.of()));
  }

  /** What {@code cspctl apply --auto-approve DIR} does: read, plan, run the steps. */
  static Plan apply(
      E2E e2e,
      DesiredState d,
      int readParallelism,
      int applyParallelism,
      Runnable mark,
      ProgressListener progress) {
    Applier applier =
        new Applier(
            e2e.clients.personalize(),
            e2e.clients.cma(),
            d.project().publish(),
            Duration.ofSeconds(60),
            applyParallelism);
    StateReader reader =
        new StateReader(e2e.clients.personalize(), e2e.clients.cma(), readParallelism);
    Plan plan;
    ApplyResult r;
    if (applyParallelism == 1) {
      // the naive baseline: everything read, then one step after another
      LiveState live = reader.read(E2E.scope(d));
      plan = new Planner().plan(d, live, new PlanOptions(false, Set.of()));
      mark.run();
      r = applier.apply(plan, live, progress);
    } else {
      // staged: the early steps start while the entry reads go on; the mark is the whole plan
      StagedApply.Outcome o =
          StagedApply.run(
              reader.readStaged(E2E.scope(d)),
              live -> new Planner().plan(d, live, new PlanOptions(false, Set.of())),
              applier,
              progress,
              new StopSignal(),
              whole -> mark.run());
      plan = o.plan();
      r = o.result() == null ? new ApplyResult(List.of(), 0, 0, null) : o.result();
    }
    if (!r.succeeded()) {
      throw new IllegalStateException(
          "apply failed: "
              + r.outcomes().stream()
                  .filter(o -> o.status() != StepOutcome.Status.DONE)
                  .limit(3)
                  .toList());
    }
    return plan;
  }

  private ObjectNode measure(
      E2E e2e, HeapSampler heap, String name, java.util.function.Function<Runnable, Plan> phase) {
    Map<String, Map<String, Long>> before = e2e.emulator.counters();
    int logBefore = e2e.emulator.requestLog().size();
    heap.reset();
    stepRequests.clear();
    List<Map<String, Map<String, Long>>> marks = new ArrayList<>();
    long t0 = System.nanoTime();
    long[] markNanos = {0};
    int[] markLog = {-1};
    Plan plan =
        phase.apply(
            () -> {
              marks.add(e2e.emulator.counters());
              markNanos[0] = System.nanoTime();
              markLog[0] = e2e.emulator.requestLog().size();
            });
    long t1 = System.nanoTime();
    double wall = (t1 - t0) / 1e9;
    long peak = heap.peakBytes();
    Map<String, Map<String, Long>> after = e2e.emulator.counters();
    List<RequestLog.Entry> log = e2e.emulator.requestLog();
    List<RequestLog.Entry> mine =
        new ArrayList<>(log.subList(Math.min(logBefore, log.size()), log.size()));
    List<RequestLog.Entry> reads =
        markLog[0] < 0
            ? mine
            : log.subList(Math.min(logBefore, log.size()), Math.min(markLog[0], log.size()));
    long writes = mine.stream().filter(x -> !x.method().equals("GET")).count();
    boolean versionWrites =
        mine.stream().anyMatch(x -> !x.method().equals("GET") && x.path().contains("/versions"));
    ObjectNode o = M.createObjectNode();
    ObjectNode buckets = o.putObject("requests");
    ObjectNode throttled = o.putObject("throttled429");
    long total429 = 0;
    for (String b : List.of("PERSONALIZE", "CMA_READ", "CMA_WRITE", "BULK")) {
      long req = after.get(b).get("requests") - before.get(b).get("requests");
      long thr = after.get(b).get("throttled") - before.get(b).get("throttled");
      buckets.put(b, req);
      throttled.put(b, thr);
      total429 += thr;
    }
    double cmsWait = versionWrites ? settings.cmsDelayMs() / 1000.0 : 0;
    String[] binding = {""};
    double rateBound = bound(before, after, binding);
    double bound = rateBound + cmsWait;
    double readPath = CriticalPath.readRoundTrips(reads) * settings.latencyMs() / 1000.0;
    CriticalPath.Chain chain =
        marks.isEmpty()
            ? new CriticalPath.Chain(0, List.of())
            : CriticalPath.applyChain(
                plan.steps(), stepRequests::requests, settings.latencyMs(), settings.cmsDelayMs());
    double applyPath = chain.millis() / 1000.0;
    double criticalPath = readPath + applyPath;
    o.put("steps", plan.steps().size())
        .put("changes", plan.changes().size())
        .put("writes", writes)
        .put("wallSeconds", round(wall))
        .put("boundSeconds", round(bound))
        .put("bindingBucket", binding[0])
        .put("cmsWaitSeconds", cmsWait)
        .put("ratio", bound == 0 ? 0 : round(wall / bound))
        .put("total429", total429)
        .put("peakHeapMb", round(peak / (1024.0 * 1024.0)))
        .put("criticalPathSeconds", round(criticalPath))
        .put("readCriticalPathSeconds", round(readPath))
        .put("applyCriticalPathSeconds", round(applyPath))
        .put("rateBoundSeconds", round(rateBound))
        .put("ratioBoundPlusCriticalPath", round(wall / (rateBound + criticalPath)));
    int bulkMinimum = marks.isEmpty() ? 0 : bulkMinimum(plan);
    o.put("bulkMinimum", bulkMinimum);
    if (!chain.steps().isEmpty()) {
      o.put(
          "applyCriticalPathSteps",
          chain.steps().stream()
              .map(st -> st.type() + "(" + stepRequests.requests(st.id().value()) + ")")
              .collect(java.util.stream.Collectors.joining(" > ")));
    }
    String staged = "";
    if (!marks.isEmpty()) {
      // read+plan must finish before apply starts: the two stages cannot share a bucket's time
      String[] b1 = {""};
      String[] b2 = {""};
      double readStage = bound(before, marks.get(0), b1);
      double applyStage = bound(marks.get(0), after, b2) + cmsWait;
      double stagedBound = readStage + applyStage;
      o.put("readStageWallSeconds", round((markNanos[0] - t0) / 1e9))
          .put("readStageBoundSeconds", round(readStage))
          .put("applyStageWallSeconds", round((t1 - markNanos[0]) / 1e9))
          .put("applyStageBoundSeconds", round(applyStage))
          .put("applyStageBindingBucket", b2[0])
          .put("stagedBoundSeconds", round(stagedBound))
          .put("ratioStaged", round(wall / stagedBound));
      staged =
          String.format(
                  Locale.ROOT,
                  "%n%40s critical path of the apply steps: %s",
                  "",
                  o.path("applyCriticalPathSteps").asText())
              + String.format(
                  Locale.ROOT,
                  "%n%40s read+plan %.2f s (bound %.2f %s), apply steps %.2f s (bound %.2f %s%s); staged bound %.2f s, wall/staged %.2f",
                  "",
                  (markNanos[0] - t0) / 1e9,
                  readStage,
                  b1[0],
                  (t1 - markNanos[0]) / 1e9,
                  applyStage,
                  b2[0],
                  cmsWait > 0 ? " + _cms" : "",
                  stagedBound,
                  wall / stagedBound);
    }
    if (plan.changes().size() <= 3) {
      plan.changes()
          .forEach(
              c ->
                  o.withArray("changeDetails")
                      .add(c.action() + " " + c.key() + " " + c.diffs() + " " + c.notes()));
    }
    out.printf(
        Locale.ROOT,
        "%-40s wall %7.2f s  bound %7.2f s (%s%s)  wall/bound %.2f  critical path %.2f s (read %.2f + apply %.2f)"
            + "  wall/(rate bound + critical path) %.2f  requests %s (bulk minimum %d)  429s %d  writes %d  peak heap %.0f MB%s%n",
        name,
        wall,
        bound,
        binding[0],
        cmsWait > 0 ? " + _cms" : "",
        bound == 0 ? 0 : wall / bound,
        criticalPath,
        readPath,
        applyPath,
        wall / (rateBound + criticalPath),
        buckets,
        bulkMinimum,
        total429,
        writes,
        peak / (1024.0 * 1024.0),
        staged);
    return o;
  }

  /**
   * The fewest bulk publish requests the plan's bulk publishes need if all were ready at once
   * ({@link BulkPublishQueue#minimumRequests}): each entry and locale once with all its variants.
   */
  static int bulkMinimum(Plan plan) {
    Map<List<String>, Map<List<String>, List<VariantRef>>> byEnvironments = new LinkedHashMap<>();
    for (Step st : plan.steps()) {
      if (!(st.op() instanceof dev.cspctl.plan.Op.PublishEntryVariants op)
          || op.method() == dev.cspctl.spec.PublishSettings.PublishMethod.ENTRY) continue;
      for (var item : op.items()) {
        byEnvironments
            .computeIfAbsent(op.environments(), k -> new LinkedHashMap<>())
            .computeIfAbsent(
                List.of(item.contentType(), item.entry(), item.locale()), k -> new ArrayList<>())
            .add(new VariantRef(op.experience() + "/" + item.variant(), null));
      }
    }
    int n = 0;
    for (var e : byEnvironments.entrySet()) {
      List<BulkEntry> entries =
          e.getValue().entrySet().stream()
              .map(
                  x ->
                      new BulkEntry(
                          x.getKey().get(1),
                          x.getKey().get(0),
                          null,
                          x.getKey().get(2),
                          x.getValue()))
              .toList();
      n +=
          BulkPublishQueue.minimumRequests(
              entries, e.getKey(), BulkPublishQueue.Limits.documented());
    }
    return n;
  }

  /** max over buckets of (admitted requests between the two snapshots) / (server rate). */
  private static double bound(
      Map<String, Map<String, Long>> from, Map<String, Map<String, Long>> to, String[] binding) {
    double bound = 0;
    for (String b : List.of("PERSONALIZE", "CMA_READ", "CMA_WRITE", "BULK")) {
      long req = to.get(b).get("requests") - from.get(b).get("requests");
      long thr = to.get(b).get("throttled") - from.get(b).get("throttled");
      double seconds = (req - thr) / RATES.get(b);
      if (seconds > bound) {
        bound = seconds;
        binding[0] = b;
      }
    }
    return bound;
  }

  static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  /**
   * Peak heap: the max of (a) used heap polled every 10 ms and (b) the sum of the heap pools' peak
   * usage since the phase started (the JVM's own high-water marks, which catch peaks between
   * polls). It covers the whole JVM: cspctl, the in-process emulator and JUnit.
   */
  static final class HeapSampler implements AutoCloseable {
    private final AtomicLong polled = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    HeapSampler() {
      thread =
          new Thread(
              () -> {
                while (running.get()) {
                  polled.accumulateAndGet(
                      ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                      Math::max);
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "bench-heap");
      thread.setDaemon(true);
      thread.start();
    }

    void reset() {
      System.gc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
      }
      polled.set(0);
    }

    long peakBytes() {
      long pools = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null)
          pools += pool.getPeakUsage().getUsed();
      }
      return Math.max(pools, polled.get());
    }

    @Override
    public void close() {
      running.set(false);
      thread.interrupt();
    }
  }

  static Map<String, Object> summary(ObjectNode json) {
    Map<String, Object> m = new LinkedHashMap<>();
    json.path("phases")
        .fields()
        .forEachRemaining(f -> m.put(f.getKey(), f.getValue().path("ratio").asDouble()));
    return m;
  }
}
