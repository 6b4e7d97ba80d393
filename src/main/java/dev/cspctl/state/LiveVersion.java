package dev.cspctl.state;

import java.util.List;

/**
 * An experience version; {@code status} is DRAFT / ACTIVE / PAUSED / ARCHIVED. For an A/B test,
 * {@code targetAudiences} (uids, combined by {@code targetCombination} OR / AND; empty = everyone)
 * is its target group and {@code variantSplit} its split mode (null when the API gives none).
 */
public record LiveVersion(String uid, String status, List<LiveVariant> variants,
    List<LiveMetric> metrics, List<String> targetAudiences, String targetCombination, String variantSplit) {
  public LiveVersion {
    variants = List.copyOf(variants);
    metrics = List.copyOf(metrics);
    targetAudiences = targetAudiences == null ? List.of() : List.copyOf(targetAudiences);
    targetCombination = targetCombination == null ? "OR" : targetCombination;
  }

  public LiveVersion(String uid, String status, List<LiveVariant> variants, List<LiveMetric> metrics) {
    this(uid, status, variants, metrics, List.of(), "OR", null);
  }
}
