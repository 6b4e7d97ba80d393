package dev.cspctl.plan;

/**
 * A step's id in a plan: {@code type:resource}, e.g. {@code create_audience:Premium visitors}.
 * Unique within a plan; stable, so reviewers can refer to it and saved plans can be re-read.
 */
public record StepId(String value) implements Comparable<StepId> {
  public StepId {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("empty step id");
  }

  public static StepId of(StepType type, String resource) {
    return new StepId(type.name().toLowerCase(java.util.Locale.ROOT) + ":" + resource);
  }

  /** The resource part: what follows the type. */
  public String resource() {
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(colon + 1);
  }

  @Override
  public int compareTo(StepId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
