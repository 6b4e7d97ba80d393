package dev.cspctl.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.Priority;
import dev.cspctl.state.LiveExperience;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The experience priority: the names the Priority document lists, highest first, then every other
 * experience in its current relative order. The API needs the full list, unmanaged experiences
 * included (their relative order is kept).
 */
final class PriorityPlanner {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private PriorityPlanner() {}

  /**
   * @param sofar every phase planned before (its experience changes decide the order expected after
   *     apply)
   */
  static PlanPart plan(PlanContext ctx, Priority priority, PlanPart sofar) {
    PlanPart.Builder out = new PlanPart.Builder();
    Set<String> deleted = new LinkedHashSet<>();
    Map<String, String> renamed = new HashMap<>();
    for (Change c : sofar.changes()) {
      if (c.key().kind() != dev.cspctl.spec.Kind.EXPERIENCE) continue;
      if (c.action() == Action.DELETE) deleted.add(c.key().name());
    }
    for (Experience e : ctx.desired().experiences()) {
      if (e.renamedFrom() != null
          && ctx.index().live.experienceByName(e.name()).isEmpty()
          && ctx.index().live.experienceByName(e.renamedFrom()).isPresent()) {
        renamed.put(e.renamedFrom(), e.name());
      }
    }
    // The order the project will have after apply if priority is left alone: the live order,
    // then experiences this plan creates (the API appends them).
    List<String> expected = new ArrayList<>();
    for (String uid : ctx.index().live.priorityOrder()) {
      String name = ctx.index().experienceName(uid).orElse(null);
      if (name == null || deleted.contains(name)) continue;
      expected.add(renamed.getOrDefault(name, name));
    }
    for (LiveExperience l : ctx.index().live.experiences()) {
      String name = renamed.getOrDefault(l.name(), l.name());
      if (!expected.contains(name) && !deleted.contains(l.name())) expected.add(name);
    }
    List<StepId> createSteps = new ArrayList<>();
    int created = 0;
    for (Change c : sofar.changes()) {
      if (c.key().kind() == dev.cspctl.spec.Kind.EXPERIENCE
          && (c.action() == Action.CREATE || c.action() == Action.REPLACE)) {
        if (c.action() == Action.REPLACE) expected.remove(c.key().name());
        expected.add(c.key().name());
        created++;
      }
      for (StepId id : c.stepIds()) {
        StepType type = sofar.typeOf(id);
        // the steps that make, remove or rename an experience: the priority names them by their new
        // names
        boolean renames = type == StepType.UPDATE_EXPERIENCE && c.action() == Action.RENAME;
        if (type == StepType.CREATE_EXPERIENCE || type == StepType.DELETE_EXPERIENCE || renames)
          createSteps.add(id);
      }
    }
    List<String> desired = new ArrayList<>();
    for (String name : priority.order()) if (expected.contains(name)) desired.add(name);
    for (String name : expected) if (!desired.contains(name)) desired.add(name);
    // Two or more creates run concurrently, so the order the API appends them in is not known:
    // then set the priority even when the predicted order already matches.
    if (desired.equals(expected) && created < 2) return out.build();
    StepId id =
        out.steps.add(
            new Op.SetPriority(desired),
            "priority",
            "set the experience priority (" + desired.size() + " experiences)",
            createSteps);
    out.addChange(
        priority.resourceKey(),
        Action.UPDATE,
        view(expected),
        view(desired),
        List.of(),
        List.of(id));
    return out.build();
  }

  private static ObjectNode view(List<String> names) {
    ObjectNode v = JSON.objectNode();
    ArrayNode a = v.putArray("order");
    names.forEach(a::add);
    return v;
  }
}
