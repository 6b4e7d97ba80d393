package dev.cspctl.visitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cspctl.spec.Attribute;
import dev.cspctl.spec.Audience;
import dev.cspctl.spec.AudienceRules;
import dev.cspctl.spec.Condition;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.ExperienceStatus;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Match;
import dev.cspctl.spec.Origin;
import dev.cspctl.spec.ProjectConfig;
import dev.cspctl.spec.PublishSettings;
import dev.cspctl.spec.Rule;
import dev.cspctl.spec.SourceIndex;
import dev.cspctl.spec.Variant;
import dev.cspctl.spec.Visitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's speed (issue 16, item 6): 10,000 visitors against 100 active experiences x 20
 * variants and 100 audiences of 4 rules each (one nested group). Not matched by surefire's default
 * includes and tagged {@code bench}; run it with {@code ./mvnw -B -o -Pbench test
 * -Dtest=VisitorBenchmark} (sizes via {@code -Dbench.visitors=...}, {@code
 * -Dbench.experiences=...}, {@code -Dbench.variants=...}, {@code -Dbench.audiences=...}). Figures
 * are printed and written to target/visitor-benchmark.json, never asserted.
 */
@Tag("bench")
class VisitorBenchmark {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final Origin ORIGIN = new Origin("bench.yaml", 1);
  static final String[] COUNTRIES = {"US", "DE", "NO", "FR", "JP", "BR", "IN", "GB"};
  static final String[] DEVICES = {"MOBILE", "DESKTOP", "TABLET"};

  @Test
  void benchmark() throws IOException {
    int visitors = Integer.getInteger("bench.visitors", 10_000);
    int experiences = Integer.getInteger("bench.experiences", 100);
    int variants = Integer.getInteger("bench.variants", 20);
    int audiences = Integer.getInteger("bench.audiences", 100);
    Random r = new Random(16);
    DesiredState specs = project(r, experiences, variants, audiences);
    List<Visitor> crowd = new ArrayList<>();
    for (int i = 0; i < visitors; i++) crowd.add(visitor(r));
    Instant now = Instant.parse("2026-06-15T12:00:00Z");

    long t0 = System.nanoTime();
    Evaluator evaluator = Evaluator.of(specs);
    long compileNs = System.nanoTime() - t0;
    long[] runs = new long[7];
    long variantsGiven = 0;
    for (int run = 0; run < runs.length; run++) {
      long start = System.nanoTime();
      long given = 0;
      for (Visitor v : crowd) {
        for (ExperienceResult x : evaluator.evaluate(v, now).experiences())
          if (x.given() == Given.VARIANT) given++;
      }
      runs[run] = System.nanoTime() - start;
      variantsGiven = given;
    }
    long firstMs = runs[0] / 1_000_000;
    long[] warm = Arrays.copyOfRange(runs, 2, runs.length);
    Arrays.sort(warm);
    long medianMs = warm[warm.length / 2] / 1_000_000;
    long bestMs = warm[0] / 1_000_000;
    // Few matches: visitors with no attributes, no device and a country no audience targets scan
    // most variants.
    List<Visitor> strangers = new ArrayList<>();
    for (int i = 0; i < crowd.size(); i++)
      strangers.add(
          new Visitor(Map.of(), "ZZ", null, null, null, null, null, null, null, List.of()));
    long[] strangerRuns = new long[5];
    long strangerGiven = 0;
    for (int run = 0; run < strangerRuns.length; run++) {
      long begin = System.nanoTime();
      long given = 0;
      for (Visitor v : strangers) {
        for (ExperienceResult x : evaluator.evaluate(v, now).experiences())
          if (x.given() == Given.VARIANT) given++;
      }
      strangerRuns[run] = System.nanoTime() - begin;
      strangerGiven = given;
    }
    Arrays.sort(strangerRuns);
    long strangerMedianMs = strangerRuns[strangerRuns.length / 2] / 1_000_000;
    long start = System.nanoTime();
    for (Visitor v : crowd.subList(0, Math.min(100, crowd.size()))) evaluator.explain(v, now);
    long explainMs = (System.nanoTime() - start) / 1_000_000;
    String line =
        String.format(
            "{\"visitors\":%d,\"experiences\":%d,\"variantsPerExperience\":%d,\"audiences\":%d,"
                + "\"compileMs\":%.1f,\"firstRunMs\":%d,\"medianWarmRunMs\":%d,\"bestWarmRunMs\":%d,\"explain100Ms\":%d,"
                + "\"variantsGiven\":%d,\"fewMatchesMedianMs\":%d,\"fewMatchesVariantsGiven\":%d,\"cores\":%d,\"loadAverage\":\"%s\"}",
            visitors,
            experiences,
            variants,
            audiences,
            compileNs / 1e6,
            firstMs,
            medianMs,
            bestMs,
            explainMs,
            variantsGiven,
            strangerMedianMs,
            strangerGiven,
            Runtime.getRuntime().availableProcessors(),
            loadAverage());
    System.out.println(
        "Visitor evaluation benchmark: "
            + visitors
            + " visitors x "
            + experiences
            + " experiences x "
            + variants
            + " variants, "
            + audiences
            + " audiences");
    System.out.println(
        "  compile "
            + String.format("%.1f", compileNs / 1e6)
            + " ms; first run "
            + firstMs
            + " ms; warm median "
            + medianMs
            + " ms, best "
            + bestMs
            + " ms; explain (every variant traced) of 100 visitors "
            + explainMs
            + " ms");
    System.out.println(
        "  "
            + variantsGiven
            + " variants given per run ("
            + String.format("%.1f", variantsGiven / (double) visitors)
            + " per visitor); few matches (no attributes, no device, untargeted country): median "
            + strangerMedianMs
            + " ms, "
            + String.format("%.1f", strangerGiven / (double) visitors)
            + " variants per visitor");
    System.out.println(line);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/visitor-benchmark.json"), line + "\n");
  }

  /**
   * The machine's load while measuring (Linux), so that figures from a shared machine can be read.
   */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", -1)[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static DesiredState project(Random r, int experiences, int variants, int audienceCount) {
    List<Audience> audiences = new ArrayList<>();
    for (int i = 0; i < audienceCount; i++) {
      List<Rule> rules =
          List.of(
              new Rule.OnPreset(
                  "COUNTRY",
                  Condition.EQUALS,
                  JSON.textNode(COUNTRIES[r.nextInt(COUNTRIES.length)]),
                  r.nextInt(5) == 0),
              new Rule.OnAttribute(
                  "orders", Condition.GREATER_THAN, JSON.numberNode(r.nextInt(20)), false),
              new Rule.Group(
                  Match.ANY,
                  List.of(
                      new Rule.OnPreset(
                          "DEVICE_TYPE",
                          Condition.EQUALS,
                          JSON.textNode(DEVICES[r.nextInt(3)]),
                          false),
                      new Rule.OnAttribute(
                          "tier", Condition.EQUALS, JSON.textNode("t" + r.nextInt(5)), false))));
      audiences.add(
          new Audience(
              "A" + i,
              null,
              "",
              new AudienceRules.Language(r.nextInt(4) == 0 ? Match.ANY : Match.ALL, rules),
              ORIGIN));
    }
    List<Experience> list = new ArrayList<>();
    for (int e = 0; e < experiences; e++) {
      List<Variant> vs = new ArrayList<>();
      for (int v = 0; v < variants; v++) {
        List<String> names =
            r.nextBoolean()
                ? List.of("A" + r.nextInt(audienceCount))
                : List.of("A" + r.nextInt(audienceCount), "A" + r.nextInt(audienceCount)).stream()
                    .distinct()
                    .toList();
        vs.add(
            new Variant(
                "V" + v,
                null,
                names,
                List.of(),
                r.nextBoolean() ? Match.ALL : Match.ANY,
                null,
                List.of()));
      }
      list.add(
          new Experience(
              "E" + e,
              null,
              "",
              ExperienceType.SEGMENTED,
              ExperienceStatus.ACTIVE,
              List.of("ct" + (e % 10)),
              vs,
              List.of(),
              List.of(),
              List.of(),
              Match.ANY,
              ORIGIN));
    }
    ProjectConfig project =
        new ProjectConfig(
            null,
            null,
            null,
            null,
            new PublishSettings(List.of(), List.of("en-us"), PublishSettings.PublishMethod.BULK),
            false,
            ORIGIN);
    List<Attribute> attributes =
        List.of(
            new Attribute("orders", "Orders", "", ORIGIN),
            new Attribute("tier", "Tier", "", ORIGIN));
    return new DesiredState(
        project,
        attributes,
        List.of(),
        audiences,
        list,
        Optional.empty(),
        List.of(),
        1,
        List.of(),
        SourceIndex.empty());
  }

  static Visitor visitor(Random r) {
    Map<String, JsonNode> attrs =
        Map.of(
            "orders",
            r.nextBoolean() ? JSON.numberNode(r.nextInt(25)) : JSON.textNode("" + r.nextInt(25)),
            "tier",
            JSON.textNode("t" + r.nextInt(6)));
    return new Visitor(
        attrs,
        COUNTRIES[r.nextInt(COUNTRIES.length)],
        null,
        null,
        DEVICES[r.nextInt(3)],
        null,
        null,
        null,
        null,
        List.of());
  }
}
