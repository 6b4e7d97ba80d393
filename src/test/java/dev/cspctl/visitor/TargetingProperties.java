package dev.cspctl.visitor;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Properties of targeting over random audiences, experiences and visitors: widening an earlier
 * variant only takes visitors away from later ones, and explaining never changes a result.
 */
class TargetingProperties {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final Origin ORIGIN = new Origin("generated.yaml", 1);
  static final String[] COUNTRIES = {"US", "DE", "NO"};
  static final String[] DEVICES = {"MOBILE", "DESKTOP", "TABLET"};
  static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

  /**
   * A random world: audiences A0..An, one experience whose variants target some of them, and
   * visitors.
   */
  record World(
      List<Audience> audiences,
      List<List<String>> variantAudiences,
      List<Match> variantMatch,
      List<Visitor> visitors) {}

  static World world(long seed) {
    Random r = new Random(seed);
    List<Audience> audiences = new ArrayList<>();
    int n = 2 + r.nextInt(6);
    for (int i = 0; i < n; i++) {
      List<Rule> rules = new ArrayList<>();
      for (int k = 0, m = 1 + r.nextInt(2); k < m; k++) rules.add(rule(r));
      audiences.add(
          new Audience(
              "A" + i,
              null,
              "",
              new AudienceRules.Language(r.nextBoolean() ? Match.ALL : Match.ANY, rules),
              ORIGIN));
    }
    List<List<String>> variants = new ArrayList<>();
    List<Match> matches = new ArrayList<>();
    for (int v = 0, count = 2 + r.nextInt(4); v < count; v++) {
      List<String> names = new ArrayList<>();
      for (int k = 0, m = 1 + r.nextInt(2); k < m; k++) {
        String a = "A" + r.nextInt(n);
        if (!names.contains(a)) names.add(a);
      }
      variants.add(names);
      matches.add(r.nextBoolean() ? Match.ALL : Match.ANY);
    }
    List<Visitor> visitors = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Map<String, com.fasterxml.jackson.databind.JsonNode> attrs =
          r.nextInt(4) == 0
              ? Map.of()
              : Map.of(
                  "orders",
                  r.nextBoolean()
                      ? JSON.numberNode(r.nextInt(10))
                      : JSON.textNode(String.valueOf(r.nextInt(10))));
      visitors.add(
          new Visitor(
              attrs,
              r.nextInt(4) == 0 ? null : COUNTRIES[r.nextInt(3)],
              null,
              null,
              r.nextInt(4) == 0 ? null : DEVICES[r.nextInt(3)],
              null,
              null,
              null,
              null,
              List.of()));
    }
    return new World(audiences, variants, matches, visitors);
  }

  static Rule rule(Random r) {
    boolean negate = r.nextInt(4) == 0;
    return switch (r.nextInt(3)) {
      case 0 ->
          new Rule.OnPreset(
              "COUNTRY", Condition.EQUALS, JSON.textNode(COUNTRIES[r.nextInt(3)]), negate);
      case 1 ->
          new Rule.OnPreset(
              "DEVICE_TYPE", Condition.EQUALS, JSON.textNode(DEVICES[r.nextInt(3)]), negate);
      default ->
          new Rule.OnAttribute(
              "orders", Condition.GREATER_THAN, JSON.numberNode(r.nextInt(10)), negate);
    };
  }

  static DesiredState specs(World w, List<List<String>> variantAudiences, List<Match> matches) {
    List<Variant> variants = new ArrayList<>();
    for (int v = 0; v < variantAudiences.size(); v++) {
      variants.add(
          new Variant(
              "V" + v, null, variantAudiences.get(v), List.of(), matches.get(v), null, List.of()));
    }
    Experience e =
        new Experience(
            "E",
            null,
            "",
            ExperienceType.SEGMENTED,
            ExperienceStatus.ACTIVE,
            List.of(),
            variants,
            List.of(),
            List.of(),
            List.of(),
            Match.ANY,
            ORIGIN);
    ProjectConfig project =
        new ProjectConfig(
            null,
            null,
            null,
            null,
            new PublishSettings(List.of(), List.of("en-us"), PublishSettings.PublishMethod.BULK),
            false,
            ORIGIN);
    return new DesiredState(
        project,
        List.of(new Attribute("orders", "Orders", "", ORIGIN)),
        List.of(),
        w.audiences(),
        List.of(e),
        Optional.empty(),
        List.of(),
        1,
        List.of(),
        SourceIndex.empty());
  }

  static String variantOf(Evaluator evaluator, Visitor v) {
    ExperienceResult r = evaluator.evaluate(v, NOW).result("E").orElseThrow();
    return r.variant();
  }

  @Property(tries = 300)
  void addingAnAudienceToAnEarlierVariantOnlyTakesVisitorsAwayFromLaterOnes(@ForAll long seed) {
    World w = world(seed);
    Random r = new Random(seed ^ 0x5DEECE66DL);
    int i = r.nextInt(w.variantAudiences().size() - 1);
    List<Match> matches = new ArrayList<>(w.variantMatch());
    matches.set(i, Match.ANY); // under any, one more audience widens the variant
    List<List<String>> widened = new ArrayList<>(w.variantAudiences());
    List<String> more = new ArrayList<>(widened.get(i));
    String added = "A" + r.nextInt(w.audiences().size());
    if (!more.contains(added)) more.add(added);
    widened.set(i, more);
    Evaluator before = Evaluator.of(specs(w, w.variantAudiences(), matches));
    Evaluator after = Evaluator.of(specs(w, widened, matches));
    for (Visitor v : w.visitors()) {
      String was = variantOf(before, v);
      String is = variantOf(after, v);
      int wasIndex = was == null ? Integer.MAX_VALUE : Integer.parseInt(was.substring(1));
      int isIndex = is == null ? Integer.MAX_VALUE : Integer.parseInt(is.substring(1));
      if (wasIndex <= i)
        assertThat(is).as("seed %d: earlier winners keep their variant", seed).isEqualTo(was);
      if (isIndex > i)
        assertThat(is).as("seed %d: a later variant only loses visitors", seed).isEqualTo(was);
    }
  }

  @Property(tries = 200)
  void explainingGivesTheSameResultsAsEvaluating(@ForAll long seed) {
    World w = world(seed);
    DesiredState specs = specs(w, w.variantAudiences(), w.variantMatch());
    Evaluator evaluator = Evaluator.of(specs);
    for (Visitor v : w.visitors()) {
      ExperienceResult fast = evaluator.evaluate(v, NOW).result("E").orElseThrow();
      ExperienceResult explained = evaluator.explain(v, NOW).result("E").orElseThrow();
      assertThat(explained.given()).as("seed %d", seed).isEqualTo(fast.given());
      assertThat(explained.variant()).as("seed %d", seed).isEqualTo(fast.variant());
    }
  }
}
