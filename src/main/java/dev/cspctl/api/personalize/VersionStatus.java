package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cspctl.api.ApiAssumptions;

/** Version status (§5). ARCHIVED's wire value is [inf], see {@link ApiAssumptions}. */
public enum VersionStatus {
  DRAFT,
  ACTIVE,
  PAUSED,
  @JsonProperty(ApiAssumptions.ARCHIVED_STATUS)
  ARCHIVED
}
