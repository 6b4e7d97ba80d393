package dev.cspctl.state;

import dev.cspctl.spec.Match;
import java.util.List;

/**
 * An experience version. For an A/B test, {@code targetAudiences} (uids, combined by {@code
 * targetMatch}; empty = everyone) is its target group and {@code split} its split mode (null when
 * the API gives none).
 */
public record LiveVersion(
    String uid,
    LiveVersionStatus status,
    List<LiveVariant> variants,
    List<LiveMetric> metrics,
    List<String> targetAudiences,
    Match targetMatch,
    Split split) {
  /** How an A/B version's traffic is split among its variants. */
  public enum Split {
    EQUAL,
    CUSTOM
  }

  public LiveVersion {
    variants = List.copyOf(variants);
    metrics = List.copyOf(metrics);
    targetAudiences = targetAudiences == null ? List.of() : List.copyOf(targetAudiences);
    targetMatch = targetMatch == null ? Match.ANY : targetMatch;
  }

  public LiveVersion(
      String uid, LiveVersionStatus status, List<LiveVariant> variants, List<LiveMetric> metrics) {
    this(uid, status, variants, metrics, List.of(), Match.ANY, null);
  }
}
