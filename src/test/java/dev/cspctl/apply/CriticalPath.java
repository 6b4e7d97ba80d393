package dev.cspctl.apply;

import dev.cspctl.emulator.RequestLog;
import dev.cspctl.plan.Step;
import dev.cspctl.plan.StepType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmark's critical path: the longest chain of requests that must follow one another, times
 * the latency. No tool, however many requests it has in flight, finishes a phase faster.
 *
 * <ul>
 *   <li>Read stage: the reader's only dependent reads are {@code GET /experiences} (all its pages)
 *       then one experience's {@code GET /experiences/{uid}/versions}; every other list is its own
 *       chain of pages. Counted from the requests the phase made.
 *   <li>Apply stage: the longest path through the plan's step graph, a step weighing its own
 *       requests (which a step makes one after another) times the latency, except a {@code
 *       CONFIGURE_VERSION} step that waited for the CMS sync, which weighs its PUT and the {@code
 *       _cms} delay (at least one latency): its polls are the tool's choice, the sync delay is not.
 * </ul>
 */
final class CriticalPath {
  private static final Pattern EXPERIENCES = Pattern.compile(".*/experiences");
  private static final Pattern VERSIONS = Pattern.compile(".*/experiences/[^/]+/versions");

  private CriticalPath() {}

  /** Round trips of the longest chain of the read stage's GETs. */
  static int readRoundTrips(List<RequestLog.Entry> reads) {
    Map<String, Integer> perPath = new HashMap<>();
    for (RequestLog.Entry e : reads) {
      if (e.method().equals("GET") && e.status() != 429) perPath.merge(e.path(), 1, Integer::sum);
    }
    int experiences = 0;
    int versions = 0;
    int longest = 0;
    for (var p : perPath.entrySet()) {
      if (EXPERIENCES.matcher(p.getKey()).matches()) experiences = p.getValue();
      else if (VERSIONS.matcher(p.getKey()).matches()) versions = Math.max(versions, p.getValue());
      else longest = Math.max(longest, p.getValue());
    }
    return Math.max(longest, experiences + versions);
  }

  /** The longest path through a step graph: its length and its steps, first to last. */
  record Chain(long millis, List<Step> steps) {
    String describe() {
      return steps.stream().map(s -> s.type().name()).collect(Collectors.joining(" > "));
    }
  }

  /** Milliseconds of the longest path through {@code steps}' dependency graph. */
  static long applyMillis(
      List<Step> steps, ToIntFunction<String> requestsOfStep, long latencyMs, long cmsDelayMs) {
    return applyChain(steps, requestsOfStep, latencyMs, cmsDelayMs).millis();
  }

  static Chain applyChain(
      List<Step> steps, ToIntFunction<String> requestsOfStep, long latencyMs, long cmsDelayMs) {
    Map<dev.cspctl.plan.StepId, Step> byId = new HashMap<>();
    steps.forEach(s -> byId.put(s.id(), s));
    Map<dev.cspctl.plan.StepId, Long> finish = new HashMap<>();
    Map<dev.cspctl.plan.StepId, Step> via = new HashMap<>();
    Step last = null;
    for (Step s : steps) {
      long f = finish(s, byId, finish, via, requestsOfStep, latencyMs, cmsDelayMs);
      if (last == null || f > finish.get(last.id())) last = s;
    }
    List<Step> chain = new ArrayList<>();
    for (Step s = last; s != null; s = via.get(s.id())) chain.add(0, s);
    return new Chain(last == null ? 0 : finish.get(last.id()), chain);
  }

  private static long finish(
      Step s,
      Map<dev.cspctl.plan.StepId, Step> byId,
      Map<dev.cspctl.plan.StepId, Long> memo,
      Map<dev.cspctl.plan.StepId, Step> via,
      ToIntFunction<String> requests,
      long latencyMs,
      long cmsDelayMs) {
    Long known = memo.get(s.id());
    if (known != null) return known;
    long start = 0;
    Step from = null;
    for (dev.cspctl.plan.StepId d : s.dependsOn()) {
      Step dep = byId.get(d);
      if (dep == null) continue;
      long f = finish(dep, byId, memo, via, requests, latencyMs, cmsDelayMs);
      if (from == null || f > start) {
        start = f;
        from = dep;
      }
    }
    if (from != null) via.put(s.id(), from);
    int n = requests.applyAsInt(s.id().value());
    // a configure that polled for the CMS sync: its PUT, then the sync delay (at least one round
    // trip)
    long own =
        s.type() == StepType.CONFIGURE_VERSION && n >= 2
            ? latencyMs + Math.max(latencyMs, cmsDelayMs)
            : (long) n * latencyMs;
    memo.put(s.id(), start + own);
    return start + own;
  }
}
