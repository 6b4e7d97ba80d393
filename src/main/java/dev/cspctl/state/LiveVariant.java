package dev.cspctl.state;

import java.util.List;

/** A version's variant; {@code type} is SegmentedVariant / ABTestVariant (wire name). */
public record LiveVariant(String type, String name, String shortUid, List<String> audiences,
    List<String> lyticsAudiences, String audienceCombinationType, Integer trafficDistribution) {
  public LiveVariant {
    audiences = audiences == null ? List.of() : List.copyOf(audiences);
    lyticsAudiences = lyticsAudiences == null ? List.of() : List.copyOf(lyticsAudiences);
  }
}
