package dev.cspctl.api.cma;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cspctl.api.http.Wire;

/** A CMS variant inside a variant group (§8); alias is {@code cs_personalize_<exp>_<variant>}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CmsVariant(
    String uid,
    String name,
    @JsonProperty("variant_group_uid") String variantGroupUid,
    @JsonProperty("personalize_metadata") PersonalizeMetadata personalizeMetadata,
    String alias) {
  public CmsVariant {
    Wire.required(uid, "variants[].uid");
  }

  public String shortUid() {
    return personalizeMetadata == null ? null : personalizeMetadata.variantShortUid();
  }
}
