package dev.cspctl.state;

/** A version metric: the event it counts and whether it is the primary metric. */
public record LiveMetric(MetricKind kind, String eventUid, String name) {
  public boolean primary() {
    return kind == MetricKind.PRIMARY;
  }
}
