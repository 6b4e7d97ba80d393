package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Variant {@code __type} (§5). */
public enum VariantType {
  @JsonProperty("SegmentedVariant")
  SEGMENTED,
  @JsonProperty("ABTestVariant")
  AB_TEST
}
