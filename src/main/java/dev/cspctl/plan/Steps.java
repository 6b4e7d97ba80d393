package dev.cspctl.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the steps of a plan while it is made; ids are {@code type:resource}, unique. */
final class Steps {
  private final Map<String, Step> steps = new LinkedHashMap<>();

  static ObjectNode args() {
    return JsonNodeFactory.instance.objectNode();
  }

  String add(StepType type, String resource, String description, ObjectNode args, List<String> dependsOn) {
    String id = type.name().toLowerCase() + ":" + resource;
    if (steps.containsKey(id)) throw new PlanException("two steps with id " + id);
    steps.put(id, new Step(id, type, resource, description, args, dependsOn.stream().filter(d -> d != null).distinct().toList()));
    return id;
  }

  /** Adds dependencies to a step already added. */
  void addDependencies(String id, List<String> more) {
    Step s = steps.get(id);
    List<String> deps = new ArrayList<>(s.dependsOn());
    for (String m : more) if (m != null && !deps.contains(m) && !m.equals(id)) deps.add(m);
    steps.put(id, new Step(s.id(), s.type(), s.resource(), s.description(), s.args(), deps));
  }

  boolean has(String id) {
    return steps.containsKey(id);
  }

  List<Step> all() {
    return new ArrayList<>(steps.values());
  }

  List<String> idsOfType(StepType... types) {
    List<String> out = new ArrayList<>();
    for (Step s : steps.values()) for (StepType t : types) if (s.type() == t) out.add(s.id());
    return out;
  }
}
