package dev.cspctl.state;

/** A version's metric is its primary one or a secondary one. */
public enum MetricKind {
  PRIMARY,
  SECONDARY
}
