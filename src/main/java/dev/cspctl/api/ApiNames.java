package dev.cspctl.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.cspctl.api.personalize.VersionStatus;
import dev.cspctl.spec.Condition;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Match;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The Personalize wire names of cspctl's own enums, both ways. The spec and live model name things
 * in their own words ({@link Match#ALL}, {@link Condition#MEMBER_OF}); this is the one place that
 * knows the API says {@code AND} or {@code IS_MEMBER_OF}.
 */
public final class ApiNames {
  private ApiNames() {}

  private static final Map<Condition, String> CONDITIONS =
      Map.ofEntries(
          Map.entry(Condition.EQUALS, "STRING_EQUALS"),
          Map.entry(Condition.CONTAINS, "CONTAINS_SUBSTRING"),
          Map.entry(Condition.EXISTS, "HAS_ANY_VALUE"),
          Map.entry(Condition.IS_TRUE, "IS_TRUE"),
          Map.entry(Condition.IS_FALSE, "IS_FALSE"),
          Map.entry(Condition.LESS_THAN, "NUMBER_LESS_THAN"),
          Map.entry(Condition.GREATER_THAN, "NUMBER_GREATER_THAN"),
          Map.entry(Condition.JSON_MATCH, "JSON_MATCH"),
          Map.entry(Condition.MEMBER_OF, "IS_MEMBER_OF"),
          Map.entry(Condition.BEFORE, "BEFORE_TIME"),
          Map.entry(Condition.AFTER, "AFTER_TIME"),
          Map.entry(Condition.BETWEEN, "BETWEEN_TIME"),
          Map.entry(Condition.IN_FLOW_STATE, "IS_IN_FLOW_STATE"));

  /** {@code equals} with a number value is sent as this instead of STRING_EQUALS. */
  private static final String NUMBER_EQUALS = "NUMBER_EQUAL_TO";

  /** Experience {@code __type} (§4). */
  public static String experienceType(ExperienceType type) {
    return switch (type) {
      case SEGMENTED -> "SEGMENTED";
      case AB_TEST -> "AB_TEST";
    };
  }

  public static Optional<ExperienceType> experienceType(String wire) {
    return Arrays.stream(ExperienceType.values())
        .filter(t -> experienceType(t).equals(wire))
        .findFirst();
  }

  /** {@code combinationType} / {@code audienceCombinationType} (§2, §5). */
  public static String match(Match match) {
    return switch (match) {
      case ALL -> "AND";
      case ANY -> "OR";
    };
  }

  /** The match of a wire combination type; empty for a value the API does not define. */
  public static Optional<Match> match(String wire) {
    return Arrays.stream(Match.values()).filter(m -> match(m).equals(wire)).findFirst();
  }

  /**
   * A combination type as cspctl has always read it: AND is all, anything else any (the API's
   * default, OR).
   */
  public static Match matchOrAny(String wire) {
    return match(wire).orElse(Match.ANY);
  }

  /** The API's {@code attributeMatchCondition} for a condition and its value. */
  public static String condition(Condition condition, JsonNode value) {
    if (condition == Condition.EQUALS && value != null && value.isNumber()) return NUMBER_EQUALS;
    return CONDITIONS.get(condition);
  }

  public static Optional<Condition> condition(String wire) {
    if (NUMBER_EQUALS.equals(wire)) return Optional.of(Condition.EQUALS);
    return CONDITIONS.entrySet().stream()
        .filter(e -> e.getValue().equals(wire))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /**
   * An experience's {@code status} (a plain string on the wire, §4) as a version status, when it is
   * one.
   */
  public static Optional<VersionStatus> versionStatus(String wire) {
    if (wire == null) return Optional.empty();
    return Arrays.stream(VersionStatus.values())
        .filter(s -> versionStatus(s).equals(wire))
        .findFirst();
  }

  public static String versionStatus(VersionStatus status) {
    return switch (status) {
      case DRAFT -> "DRAFT";
      case ACTIVE -> "ACTIVE";
      case PAUSED -> "PAUSED";
      case ARCHIVED -> ApiAssumptions.ARCHIVED_STATUS;
    };
  }

  /** Writes {@link ExperienceType} as its {@code __type}. */
  public static final class ExperienceTypeSerializer extends JsonSerializer<ExperienceType> {
    @Override
    public void serialize(ExperienceType value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(experienceType(value));
    }
  }

  /** Reads an experience {@code __type}; an unknown value is a bad reply (as for any wire enum). */
  public static final class ExperienceTypeDeserializer extends JsonDeserializer<ExperienceType> {
    @Override
    public ExperienceType deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      String text = p.getValueAsString();
      return experienceType(text)
          .orElseThrow(
              () ->
                  ctxt.weirdStringException(
                      text,
                      ExperienceType.class,
                      "not one of " + Arrays.toString(ExperienceType.values())));
    }
  }
}
