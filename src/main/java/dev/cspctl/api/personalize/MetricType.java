package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cspctl.api.ApiAssumptions;

/** Metric {@code __type} (§5); the secondary name is [inf], see {@link ApiAssumptions}. */
public enum MetricType {
  @JsonProperty(ApiAssumptions.PRIMARY_METRIC_TYPE)
  PRIMARY,
  @JsonProperty(ApiAssumptions.SECONDARY_METRIC_TYPE)
  SECONDARY
}
