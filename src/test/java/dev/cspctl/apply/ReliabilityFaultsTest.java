package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.api.personalize.AttributeInput;
import dev.cspctl.api.personalize.AudienceInput;
import dev.cspctl.api.personalize.ExperienceInput;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.ExperienceType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults: 200 seeded fault schedules (500s, 429s, resets, drop-after-commit, latency spikes) over
 * apply of the example project and then of a changed version of it. After at most three runs each,
 * the live state equals the desired state, nothing is duplicated, and the unmanaged resources made
 * beforehand are byte for byte unchanged.
 */
@Tag("slow")
class ReliabilityFaultsTest {
  static final String FAULTS = "500:0.04,429:0.04,reset:0.03,drop:0.04,latency-spike:0.01";
  @TempDir Path tmp;

  @Test
  void twoHundredFaultSchedulesConvergeWithinThreeRunsWithoutDuplicatesOrCollateralDamage()
      throws Exception {
    int seeds = Integer.getInteger("reliability.seeds", 200);
    Path base = E2E.copyExamples(tmp.resolve("base"));
    Path changedDir = E2E.copyExamples(tmp.resolve("changed"));
    E2E.edit(
        changedDir.resolve("experiences/homepage-hero.yaml"),
        "  - name: Mobile\n",
        E2E.FREQUENT_THEN_MOBILE);
    E2E.edit(
        changedDir.resolve("experiences/homepage-hero.yaml"),
        "title: Tap to explore",
        "title: Tap to explore more");
    E2E.edit(changedDir.resolve("audiences.yaml"), "value: MOBILE\n---", "value: TABLET\n---");
    E2E.edit(
        changedDir.resolve("events.yaml"),
        "description: Shopper completed checkout",
        "description: Order placed");
    DesiredState original = E2E.load(base);
    DesiredState changed = E2E.load(changedDir);
    Path unmanagedState = tmp.resolve("unmanaged.json");
    Map<String, String> unmanaged = seedUnmanaged(unmanagedState);

    Map<Integer, Integer> runsHistogram = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long injected = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      try (E2E e2e =
          new E2E(
              EmulatorConfig.builder()
                  .cmsDelayMs(0)
                  .faults(FAULTS)
                  .seed(seed)
                  .latencySpikeMs(200)
                  .stateFile(unmanagedState),
              TransportConfig.defaults()
                  .withRates(2000, 2000, 2000, 2000, 1000)
                  .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1500))
                  .withRetries(4, Duration.ofMillis(1), Duration.ofMillis(10), seed)
                  .withMaxRetryAfter(Duration.ofMillis(20)))) {
        for (boolean isOriginal : List.of(true, false)) {
          int runs = converge(e2e, isOriginal ? original : changed);
          runsHistogram.merge(runs, 1, Integer::sum);
          if (runs > 3)
            failures.add(
                "seed "
                    + seed
                    + (isOriginal ? " original" : " changed")
                    + ": not converged in 3 runs");
        }
        JsonNode dump = Reliability.parse(e2e.emulator.stateDump());
        for (String dup : Reliability.duplicates(dump))
          failures.add("seed " + seed + ": duplicate " + dup);
        Map<String, String> after = unmanagedNodes(dump);
        for (var u : unmanaged.entrySet()) {
          if (!u.getValue().equals(after.get(u.getKey())))
            failures.add("seed " + seed + ": unmanaged " + u.getKey() + " changed");
        }
        injected +=
            e2e.emulator.requestLog().stream()
                .filter(x -> x.fault() != null && !x.fault().isEmpty() && !x.fault().equals("NONE"))
                .count();
      }
    }
    Reliability.result(
        String.format(
            "faults: %d schedules x 2 applies (examples, then changed), %d faults injected; "
                + "runs needed %s; not converged within 3 runs: %d; duplicates: %d; unmanaged changed: %d%s",
            seeds,
            injected,
            runsHistogram,
            failures.stream().filter(f -> f.contains("not converged")).count(),
            failures.stream().filter(f -> f.contains("duplicate")).count(),
            failures.stream().filter(f -> f.contains("unmanaged")).count(),
            failures.isEmpty() ? "" : " " + failures.subList(0, Math.min(5, failures.size()))));
    assertThat(failures).isEmpty();
  }

  /** Applies until the plan is empty; returns the runs needed (4 means: not within 3). */
  private static int converge(E2E e2e, DesiredState d) {
    for (int run = 1; run <= 3; run++) {
      try {
        e2e.apply(d, false);
      } catch (RuntimeException e) {
        // a failed read before the plan is a failed run: the next run starts over
      }
      if (planIsEmpty(e2e, d)) return run;
    }
    return 4;
  }

  /** The check itself must not fail on an injected fault: it reads until a read succeeds. */
  private static boolean planIsEmpty(E2E e2e, DesiredState d) {
    for (int i = 0; ; i++) {
      try {
        return e2e.plan(d, false).changes().isEmpty();
      } catch (RuntimeException e) {
        if (i >= 20) throw e;
      }
    }
  }

  /** Unmanaged resources made by hand (no faults), saved as the starting state of every seed. */
  private static Map<String, String> seedUnmanaged(Path state) throws Exception {
    try (E2E e2e = E2E.fast("", 1)) {
      var p = e2e.clients.personalize();
      p.createAttribute(new AttributeInput("Loyalty points", "loyalty_points", "made in the UI"));
      p.createAudience(
          new AudienceInput(
              "Made by hand",
              "UI",
              Reliability.M.readTree(
                  """
          {"__type":"RuleCombination","combinationType":"OR","rules":[{"__type":"Rule","attribute":{"__type":"PresetAttributeReference","ref":"CITY"},
           "attributeMatchCondition":"STRING_EQUALS","attributeMatchOptions":{"__type":"StringMatchOptions","value":"Oslo"},"invertCondition":false}]}""")));
      p.createExperience(new ExperienceInput("Hand experience", "UI", ExperienceType.SEGMENTED));
      e2e.emulator.save(state);
      return unmanagedNodes(Reliability.parse(e2e.emulator.stateDump()));
    }
  }

  /** The unmanaged resources' JSON, by kind/name, as stored by the emulator. */
  static Map<String, String> unmanagedNodes(JsonNode dump) {
    Map<String, String> out = new LinkedHashMap<>();
    dump.path("attributes")
        .forEach(
            n -> {
              if (n.path("key").asText().equals("loyalty_points"))
                out.put("attribute/loyalty_points", n.toString());
            });
    dump.path("audiences")
        .forEach(
            n -> {
              if (n.path("name").asText().equals("Made by hand"))
                out.put("audience/Made by hand", n.toString());
            });
    dump.path("experiences")
        .forEach(
            n -> {
              if (n.path("name").asText().equals("Hand experience"))
                out.put("experience/Hand experience", n.toString());
            });
    return out;
  }
}
