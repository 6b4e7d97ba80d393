package dev.cspctl.api.personalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Body of POST/PUT …/versions. PUT is a full replacement (§5, decision 2): send status, every
 * variant with its existing shortUid, the metrics and, for an A/B test, its targeting and split
 * mode ([inf] §14: what a PUT omits is cleared).
 */
public record VersionInput(
    VersionStatus status,
    List<RemoteVariant> variants,
    List<RemoteMetric> metrics,
    JsonNode targeting,
    String variantSplit) {
  public VersionInput(
      VersionStatus status, List<RemoteVariant> variants, List<RemoteMetric> metrics) {
    this(status, variants, metrics, null, null);
  }

  public static VersionInput draft() {
    return new VersionInput(VersionStatus.DRAFT, null, null);
  }
}
