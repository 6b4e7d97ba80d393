package dev.cspctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sets the priority: the plan's order (by name) first, then every other experience the project
 * holds now in its current order, because the API requires the full list.
 */
final class PriorityStep {
  private final ApplyContext ctx;

  PriorityStep(ApplyContext ctx) {
    this.ctx = ctx;
  }

  String run(JsonNode a) {
    List<String> live = ctx.personalize().getPriority();
    Set<String> existing = new LinkedHashSet<>(live);
    ctx.personalize().listExperiences().forEach(e -> existing.add(e.uid()));
    Set<String> order = new LinkedHashSet<>();
    for (JsonNode n : a.path("order")) {
      String uid = ctx.uids().experiences.get(n.asText());
      if (uid != null && existing.contains(uid)) order.add(uid);
    }
    order.addAll(existing);
    List<String> full = new ArrayList<>(order);
    if (full.equals(live)) return "already in order";
    ctx.personalize().setPriority(full);
    return "set " + full.size() + " experiences";
  }
}
