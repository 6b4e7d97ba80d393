package dev.cspctl.state;

import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Match;
import java.util.List;

/**
 * A version's variant; {@code type} says whether it is a segmented or an A/B variant, {@code
 * audienceMatch} how its audiences combine.
 */
public record LiveVariant(
    ExperienceType type,
    String name,
    String shortUid,
    List<String> audiences,
    List<String> lyticsAudiences,
    Match audienceMatch,
    Integer trafficDistribution) {
  public LiveVariant {
    audiences = audiences == null ? List.of() : List.copyOf(audiences);
    lyticsAudiences = lyticsAudiences == null ? List.of() : List.copyOf(lyticsAudiences);
    audienceMatch = audienceMatch == null ? Match.ANY : audienceMatch;
  }
}
