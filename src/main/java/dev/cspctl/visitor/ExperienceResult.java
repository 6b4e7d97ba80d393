package dev.cspctl.visitor;

/**
 * What one experience gives one visitor.
 *
 * @param variant the variant's name when {@code given} is VARIANT, else null
 * @param trace why, when the evaluation was explained; null otherwise
 */
public record ExperienceResult(String experience, Given given, String variant, Trace trace) {

  /** {@code Gold}, {@code in the A/B test}, {@code none} or {@code not evaluable}. */
  public String describe() {
    return switch (given) {
      case VARIANT -> variant;
      case IN_TEST -> "in the A/B test";
      case NONE -> "none";
      case UNKNOWN -> "not evaluable";
    };
  }
}
