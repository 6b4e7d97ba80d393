package dev.cspctl.api.cma;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cspctl.api.http.Wire;
import java.util.List;

/** One page of GET /v3/variant_groups. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VariantGroupPage(
    @JsonProperty("variant_groups") List<VariantGroup> variantGroups, Integer count) {
  public VariantGroupPage {
    Wire.required(variantGroups, "variant_groups");
    variantGroups = List.copyOf(variantGroups);
  }
}
