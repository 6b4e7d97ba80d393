package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.cspctl.api.http.Wire;
import java.util.List;

/** An experience version as returned by GET/POST/PUT …/versions (§5). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Version(String uid, VersionStatus status, List<Variant> variants,
    List<Metric> metrics) {
  public Version {
    Wire.personalizeUid(uid, "uid");
    Wire.required(status, "status");
    variants = Wire.list(variants);
    metrics = Wire.list(metrics);
  }
}
