package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.api.http.Wire;
import java.util.List;

/**
 * An experience version as returned by GET/POST/PUT …/versions (§5). {@code targeting} (the A/B
 * target group, read by {@link AbTargeting}) and {@code variantSplit} (§14) are null when absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Version(
    String uid,
    VersionStatus status,
    List<RemoteVariant> variants,
    List<RemoteMetric> metrics,
    JsonNode targeting,
    String variantSplit) {
  public Version {
    Wire.personalizeUid(uid, "uid");
    Wire.required(status, "status");
    variants = Wire.list(variants);
    metrics = Wire.list(metrics);
    if (targeting != null && targeting.isNull()) targeting = null;
  }

  public Version(
      String uid, VersionStatus status, List<RemoteVariant> variants, List<RemoteMetric> metrics) {
    this(uid, status, variants, metrics, null, null);
  }

  /** The full PUT body that re-states this version with another status (PUT replaces all). */
  public VersionInput withStatus(VersionStatus s) {
    return new VersionInput(s, variants, metrics, targeting, variantSplit);
  }
}
