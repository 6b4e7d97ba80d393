package dev.cspctl.visitor;

import dev.cspctl.spec.Match;
import java.util.ArrayList;
import java.util.List;

/**
 * An audience rule compiled for evaluation: a condition, a group, or something cspctl cannot
 * evaluate.
 */
sealed interface RuleNode permits ConditionNode, RuleNode.Group, RuleNode.Unevaluable {

  Tri eval(Context ctx);

  Trace trace(Context ctx);

  /** A nested {@code any:}/{@code all:} group (or an audience's top level). */
  record Group(Match match, List<RuleNode> rules) implements RuleNode {
    @Override
    public Tri eval(Context ctx) {
      if (rules.isEmpty()) return Assumptions.empty(match);
      boolean unknown = false;
      for (RuleNode r : rules) {
        Tri t = r.eval(ctx);
        if (match == Match.ALL && t == Tri.FALSE) return Tri.FALSE;
        if (match == Match.ANY && t == Tri.TRUE) return Tri.TRUE;
        if (t == Tri.UNKNOWN) unknown = true;
      }
      return unknown ? Tri.UNKNOWN : Assumptions.empty(match);
    }

    @Override
    public Trace trace(Context ctx) {
      List<Trace> children = new ArrayList<>();
      List<Tri> results = new ArrayList<>();
      for (RuleNode r : rules) {
        Trace t = r.trace(ctx);
        children.add(t);
        results.add(t.result());
      }
      return new Trace(
          match.yamlName() + " of", Assumptions.combine(match, results), match, children);
    }
  }

  /** A rule whose result cannot be known offline, with the reason. */
  record Unevaluable(String reason) implements RuleNode {
    @Override
    public Tri eval(Context ctx) {
      return Tri.UNKNOWN;
    }

    @Override
    public Trace trace(Context ctx) {
      return Trace.leaf(reason, Tri.UNKNOWN);
    }
  }
}
