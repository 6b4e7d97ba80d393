package dev.cspctl.visitor;

import dev.cspctl.spec.Audience;
import dev.cspctl.spec.AudienceRules;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.ExperienceStatus;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Match;
import dev.cspctl.spec.Rule;
import dev.cspctl.spec.Variant;
import dev.cspctl.spec.Visitor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who sees what, offline: a pure function of the specs and a visitor (spec-format.md, "Visitor
 * tests"). The specs are compiled once; {@link #evaluate} is then cheap enough for thousands of
 * visitors, and {@link #explain} gives the same results with a trace of why.
 *
 * <p>A segmented experience gives its first variant, in the order written, whose audiences (and
 * Lytics audiences) match by the variant's {@code match}; an A/B test gives "in the test" to its
 * target group; only active experiences give anything; the applied list is the first {@code
 * delivery.variantLimit} experiences, in priority order, that give a variant.
 */
public final class Evaluator {
  private final List<CompiledExperience> experiences;
  private final int audienceCount;
  private final int variantLimit;
  private final Set<String> attributeKeys;

  private Evaluator(
      List<CompiledExperience> experiences,
      int audienceCount,
      int variantLimit,
      Set<String> attributeKeys) {
    this.attributeKeys = Set.copyOf(attributeKeys);
    this.experiences = experiences;
    this.audienceCount = audienceCount;
    this.variantLimit = variantLimit;
  }

  public static Evaluator of(DesiredState specs) {
    int limit =
        specs.project() != null
            ? specs.project().variantLimit()
            : dev.cspctl.spec.ProjectConfig.DEFAULT_VARIANT_LIMIT;
    return of(specs, limit);
  }

  public static Evaluator of(DesiredState specs, int variantLimit) {
    Set<String> attributes = new HashSet<>();
    specs.attributes().forEach(a -> attributes.add(a.key()));
    Map<String, CompiledAudience> audiences = new HashMap<>();
    for (Audience a : specs.audiences()) {
      audiences.put(
          a.name(), new CompiledAudience(a.name(), audiences.size(), compile(a, attributes)));
    }
    List<CompiledExperience> out = new ArrayList<>();
    for (Experience e : Assumptions.priorityOrder(specs.experiences(), specs.priority()))
      out.add(compile(e, audiences));
    return new Evaluator(out, audiences.size(), variantLimit, attributes);
  }

  public int variantLimit() {
    return variantLimit;
  }

  /** The custom attributes the specs declare. */
  public Set<String> attributeKeys() {
    return attributeKeys;
  }

  /** Results without traces. {@code now} is the time of a visitor that gives none. */
  public Evaluation evaluate(Visitor visitor, Instant now) {
    return run(visitor, now, false);
  }

  /** The same results, each with its trace. */
  public Evaluation explain(Visitor visitor, Instant now) {
    return run(visitor, now, true);
  }

  private Evaluation run(Visitor visitor, Instant now, boolean traced) {
    Context ctx = new Context(visitor, now, audienceCount);
    List<ExperienceResult> results = new ArrayList<>(experiences.size());
    List<String> applied = new ArrayList<>();
    boolean appliedKnown = true;
    for (CompiledExperience e : experiences) {
      ExperienceResult r = traced ? e.explain(ctx) : e.evaluate(ctx);
      results.add(r);
      if (appliedKnown && applied.size() < variantLimit) {
        if (r.given() == Given.UNKNOWN) appliedKnown = false;
        else if (r.given().givesVariant()) applied.add(e.name);
      }
    }
    return new Evaluation(results, appliedKnown ? applied : null);
  }

  // ---- compiling the specs ----

  private static RuleNode compile(Audience a, Set<String> attributes) {
    if (a.rules() instanceof AudienceRules.Language lang)
      return new RuleNode.Group(lang.match(), compile(lang.rules(), attributes));
    return new RuleNode.Unevaluable(
        "audience '" + a.name() + "' uses a raw 'definition:', which cspctl test cannot evaluate");
  }

  private static List<RuleNode> compile(List<Rule> rules, Set<String> attributes) {
    List<RuleNode> out = new ArrayList<>();
    for (Rule r : rules) out.add(compile(r, attributes));
    return out;
  }

  private static RuleNode compile(Rule r, Set<String> attributes) {
    if (r instanceof Rule.Group g)
      return new RuleNode.Group(g.match(), compile(g.rules(), attributes));
    if (r instanceof Rule.OnAttribute a) {
      return ConditionNode.on(
          ValueSource.attribute(a.attributeKey()),
          a.condition(),
          a.value(),
          a.negate(),
          attributes.contains(a.attributeKey())
              ? null
              : "attribute '" + a.attributeKey() + "' is not declared in the specs");
    }
    if (r instanceof Rule.OnPreset p)
      return ConditionNode.on(
          ValueSource.preset(p.preset()), p.condition(), p.value(), p.negate(), null);
    Rule.OnLytics l = (Rule.OnLytics) r;
    return ConditionNode.lytics(l.condition(), l.value(), l.negate());
  }

  private static CompiledExperience compile(Experience e, Map<String, CompiledAudience> audiences) {
    List<CompiledExperience.Targeting> variants = new ArrayList<>();
    for (Variant v : e.variants())
      variants.add(targeting(v.name(), v.audiences(), v.lyticsAudiences(), v.match(), audiences));
    CompiledExperience.Targeting group =
        e.type() == ExperienceType.AB_TEST && !e.audiences().isEmpty()
            ? targeting("target group", e.audiences(), List.of(), e.match(), audiences)
            : null;
    return new CompiledExperience(
        e.name(),
        e.type() == ExperienceType.AB_TEST,
        e.status(),
        e.status() == ExperienceStatus.ACTIVE,
        variants,
        group);
  }

  private static CompiledExperience.Targeting targeting(
      String name,
      List<String> audienceNames,
      List<String> lytics,
      Match match,
      Map<String, CompiledAudience> audiences) {
    List<CompiledExperience.Atom> atoms = new ArrayList<>();
    for (String a : audienceNames)
      atoms.add(new CompiledExperience.Atom(a, audiences.get(a), null));
    for (String l : lytics) atoms.add(new CompiledExperience.Atom(null, null, l));
    return new CompiledExperience.Targeting(name, match, atoms);
  }
}
