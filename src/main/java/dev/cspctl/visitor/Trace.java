package dev.cspctl.visitor;

import dev.cspctl.spec.Match;
import java.util.List;

/**
 * Why a result came out as it did: a node per experience, variant, audience, group and condition,
 * each with its result and, for a group, how its children combined.
 *
 * @param label what was evaluated, e.g. {@code audience 'Gold members'} or a condition's detail
 * @param combine how the children combined; null for a condition
 */
public record Trace(String label, Tri result, Match combine, List<Trace> children) {
  public Trace {
    children = List.copyOf(children);
  }

  public static Trace leaf(String label, Tri result) {
    return new Trace(label, result, null, List.of());
  }
}
