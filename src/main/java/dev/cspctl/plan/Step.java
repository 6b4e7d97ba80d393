package dev.cspctl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One API operation of a plan. {@code args} holds what apply needs, with resources named by
 * natural key (uids are resolved when the step runs, since creates earlier in the same run
 * mint them). {@code dependsOn} lists step ids that must succeed first.
 */
public record Step(String id, StepType type, String resource, String description, JsonNode args, List<String> dependsOn) {
  public Step {
    args = args.deepCopy();
    dependsOn = List.copyOf(dependsOn);
  }

  @Override
  public JsonNode args() {
    return args.deepCopy();
  }
}
