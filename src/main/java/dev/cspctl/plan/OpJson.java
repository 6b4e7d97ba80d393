package dev.cspctl.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Operations to and from their JSON form in plans: the step's {@code type} is the type id ({@link
 * StepType}), {@code args} the operation's fields. Unknown fields are refused, so a plan of another
 * format fails loudly instead of applying half an operation.
 */
public final class OpJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private OpJson() {}

  public static JsonNode args(Op op) {
    return MAPPER.valueToTree(op);
  }

  public static Op read(String type, JsonNode args) {
    StepType t;
    try {
      t = StepType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new PlanException("unknown step type '" + type + "'");
    }
    try {
      return MAPPER.treeToValue(args, t.opClass());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new PlanException("step of type " + type + " has arguments cspctl cannot read: " + why);
    }
  }
}
