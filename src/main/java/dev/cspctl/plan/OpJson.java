package dev.cspctl.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;

/**
 * Operations to and from their JSON form in plans: the step's {@code type} is the operation's
 * Jackson type id (the {@link StepType} name, registered for each record), {@code args} its fields.
 * Unknown fields are refused, so a plan of another format fails loudly instead of applying half an
 * operation.
 */
public final class OpJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .registerSubtypes(subtypes())
          .build();

  private static NamedType[] subtypes() {
    return java.util.Arrays.stream(StepType.values())
        .map(t -> new NamedType(t.opClass(), t.name()))
        .toArray(NamedType[]::new);
  }

  private OpJson() {}

  public static JsonNode args(Op op) {
    return MAPPER.valueToTree(op);
  }

  /**
   * The operation of a step's JSON form: Jackson resolves its record from the step's {@code type}
   * (an external type id, named by {@link StepType}) and reads {@code args} into it.
   */
  public static Op read(JsonNode step) {
    String type = step.path("type").asText();
    try {
      return MAPPER.treeToValue(step, TypedArgs.class).args();
    } catch (InvalidTypeIdException e) {
      throw new PlanException("unknown step type '" + type + "'");
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new PlanException("step of type " + type + " has arguments cspctl cannot read: " + why);
    }
  }

  /** A step as far as its operation goes: the type id beside the operation's fields. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record TypedArgs(
      @JsonTypeInfo(
              use = JsonTypeInfo.Id.NAME,
              include = JsonTypeInfo.As.EXTERNAL_PROPERTY,
              property = "type")
          Op args) {}
}
