package dev.cspctl.api.personalize;

import java.util.List;

/**
 * Body of POST/PUT …/versions. PUT is a full replacement (§5, decision 2): send status, every
 * variant with its existing shortUid, and the metrics.
 */
public record VersionInput(VersionStatus status, List<Variant> variants, List<Metric> metrics) {
  public static VersionInput draft() {
    return new VersionInput(VersionStatus.DRAFT, null, null);
  }
}
