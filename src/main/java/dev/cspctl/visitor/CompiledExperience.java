package dev.cspctl.visitor;

import dev.cspctl.spec.ExperienceStatus;
import dev.cspctl.spec.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An experience ready for evaluation: its variants' targeting (or an A/B test's target group). */
final class CompiledExperience {
  /**
   * One audience of a targeting (null {@code audience} when the specs do not declare it) or one
   * Lytics audience.
   */
  record Atom(String audienceName, CompiledAudience audience, String lyticsId) {
    Tri eval(Context ctx) {
      if (lyticsId != null) return Tri.of(ctx.lytics.contains(lyticsId));
      return audience == null ? Tri.UNKNOWN : ctx.audience(audience);
    }

    Trace trace(Context ctx) {
      if (lyticsId != null) {
        boolean member = ctx.lytics.contains(lyticsId);
        return Trace.leaf(
            "Lytics audience "
                + lyticsId
                + ": the visitor is "
                + (member ? "" : "not ")
                + "a member",
            Tri.of(member));
      }
      if (audience == null) {
        return Trace.leaf(
            "audience '"
                + audienceName
                + "' is not declared in the specs (cspctl test evaluates specs only)",
            Tri.UNKNOWN);
      }
      Trace rules = audience.rules().trace(ctx);
      return new Trace(
          "audience '" + audienceName + "'", rules.result(), rules.combine(), rules.children());
    }
  }

  /** A variant's audiences, or an A/B test's target group, combined by {@code match}. */
  record Targeting(String name, Match match, List<Atom> atoms) {
    Tri eval(Context ctx) {
      boolean unknown = false;
      for (Atom a : atoms) {
        Tri t = a.eval(ctx);
        if (match == Match.ALL && t == Tri.FALSE) return Tri.FALSE;
        if (match == Match.ANY && t == Tri.TRUE) return Tri.TRUE;
        if (t == Tri.UNKNOWN) unknown = true;
      }
      return unknown ? Tri.UNKNOWN : Assumptions.empty(match);
    }

    Trace trace(Context ctx, String label) {
      List<Trace> children = new ArrayList<>();
      List<Tri> results = new ArrayList<>();
      for (Atom a : atoms) {
        Trace t = a.trace(ctx);
        children.add(t);
        results.add(t.result());
      }
      return new Trace(label, Assumptions.combine(match, results), match, children);
    }
  }

  final String name;
  private final boolean abTest;
  private final ExperienceStatus status;
  private final boolean active;
  private final List<Targeting> variants;
  private final Targeting targetGroup; // null: everyone

  CompiledExperience(
      String name,
      boolean abTest,
      ExperienceStatus status,
      boolean active,
      List<Targeting> variants,
      Targeting targetGroup) {
    this.name = name;
    this.abTest = abTest;
    this.status = status;
    this.active = active;
    this.variants = variants;
    this.targetGroup = targetGroup;
  }

  ExperienceResult evaluate(Context ctx) {
    if (!active) return new ExperienceResult(name, Given.NONE, null, null);
    if (abTest) {
      Tri in = targetGroup == null ? Tri.TRUE : targetGroup.eval(ctx);
      return new ExperienceResult(name, given(in, Given.IN_TEST), null, null);
    }
    for (Targeting v : variants) {
      Tri t = v.eval(ctx);
      if (t == Tri.TRUE) return new ExperienceResult(name, Given.VARIANT, v.name(), null);
      if (t == Tri.UNKNOWN) return new ExperienceResult(name, Given.UNKNOWN, null, null);
    }
    return new ExperienceResult(name, Given.NONE, null, null);
  }

  ExperienceResult explain(Context ctx) {
    if (!active) {
      Trace t =
          Trace.leaf(
              "status is "
                  + status.name().toLowerCase(Locale.ROOT)
                  + ": only active experiences give a variant",
              Tri.FALSE);
      return new ExperienceResult(
          name,
          Given.NONE,
          null,
          new Trace("experience '" + name + "'", Tri.FALSE, null, List.of(t)));
    }
    if (abTest) {
      Trace group =
          targetGroup == null
              ? Trace.leaf("the A/B test targets everyone", Tri.TRUE)
              : targetGroup.trace(ctx, "target group");
      Given g = given(group.result(), Given.IN_TEST);
      return new ExperienceResult(
          name,
          g,
          null,
          new Trace("A/B test '" + name + "'", group.result(), null, List.of(group)));
    }
    // Every variant is traced, also after the winner, so that a shadowed variant can be explained.
    List<Trace> tried = new ArrayList<>();
    ExperienceResult decided = null;
    for (Targeting v : variants) {
      Trace t = v.trace(ctx, "variant '" + v.name() + "'");
      tried.add(t);
      if (decided == null && t.result() == Tri.TRUE)
        decided = new ExperienceResult(name, Given.VARIANT, v.name(), null);
      if (decided == null && t.result() == Tri.UNKNOWN)
        decided = new ExperienceResult(name, Given.UNKNOWN, null, null);
    }
    if (decided == null) decided = new ExperienceResult(name, Given.NONE, null, null);
    Tri result =
        decided.given() == Given.UNKNOWN ? Tri.UNKNOWN : Tri.of(decided.given() == Given.VARIANT);
    return new ExperienceResult(
        name,
        decided.given(),
        decided.variant(),
        new Trace("experience '" + name + "'", result, null, tried));
  }

  private static Given given(Tri t, Given whenTrue) {
    return switch (t) {
      case TRUE -> whenTrue;
      case FALSE -> Given.NONE;
      case UNKNOWN -> Given.UNKNOWN;
    };
  }
}
