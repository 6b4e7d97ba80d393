package dev.cspctl.state;

import java.util.List;

/** An experience version; {@code status} is DRAFT / ACTIVE / PAUSED / ARCHIVED. */
public record LiveVersion(String uid, String status, List<LiveVariant> variants,
    List<LiveMetric> metrics) {
  public LiveVersion {
    variants = List.copyOf(variants);
    metrics = List.copyOf(metrics);
  }
}
