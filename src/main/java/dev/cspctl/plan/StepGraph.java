package dev.cspctl.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders steps so every step comes after the steps it depends on (Kahn's algorithm). Ties are
 * broken by step type (the brief's order) and then id, so the same inputs give the same order. A
 * cycle is an error that names it; a dependency on a missing step is an error too.
 */
final class StepGraph {
  static final Comparator<Step> TIE_BREAK =
      Comparator.comparing(Step::type).thenComparing(Step::id);

  private StepGraph() {}

  static List<Step> order(List<Step> steps) {
    Map<StepId, Step> byId = new HashMap<>();
    for (Step s : steps) byId.put(s.id(), s);
    Map<StepId, Integer> indegree = new HashMap<>();
    Map<StepId, List<Step>> dependents = new HashMap<>();
    for (Step s : steps) {
      indegree.put(s.id(), s.dependsOn().size());
      for (StepId d : s.dependsOn()) {
        if (!byId.containsKey(d))
          throw new PlanException("step " + s.id() + " depends on unknown step " + d);
        dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(s);
      }
    }
    PriorityQueue<Step> ready = new PriorityQueue<>(TIE_BREAK);
    for (Step s : steps) if (s.dependsOn().isEmpty()) ready.add(s);
    List<Step> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      Step s = ready.poll();
      out.add(s);
      for (Step d : dependents.getOrDefault(s.id(), List.of())) {
        if (indegree.merge(d.id(), -1, Integer::sum) == 0) ready.add(d);
      }
    }
    if (out.size() != steps.size()) {
      throw new PlanException("dependency cycle: " + String.join(" -> ", findCycle(steps, byId)));
    }
    return out;
  }

  private static List<String> findCycle(List<Step> steps, Map<StepId, Step> byId) {
    Set<StepId> done = new HashSet<>();
    for (Step start : steps) {
      Deque<StepId> path = new ArrayDeque<>();
      List<String> cycle = dfs(start.id(), byId, path, new HashSet<>(), done);
      if (cycle != null) return cycle;
    }
    return List.of("(unknown)");
  }

  private static List<String> dfs(
      StepId id, Map<StepId, Step> byId, Deque<StepId> path, Set<StepId> onPath, Set<StepId> done) {
    if (onPath.contains(id)) {
      List<String> cycle = new ArrayList<>();
      boolean in = false;
      for (StepId p : new ArrayList<>(path)) {
        if (p.equals(id)) in = true;
        if (in) cycle.add(p.value());
      }
      cycle.add(id.value());
      return cycle;
    }
    if (done.contains(id)) return null;
    onPath.add(id);
    path.addLast(id);
    for (StepId d : byId.get(id).dependsOn()) {
      List<String> c = dfs(d, byId, path, onPath, done);
      if (c != null) return c;
    }
    path.removeLast();
    onPath.remove(id);
    done.add(id);
    return null;
  }
}
