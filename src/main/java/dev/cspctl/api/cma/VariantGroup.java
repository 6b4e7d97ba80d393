package dev.cspctl.api.cma;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cspctl.api.http.Wire;
import java.util.List;

/** A CMS variant group (§8) as listed with {@code include_variant_info=true}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VariantGroup(
    String uid,
    String name,
    @JsonProperty("content_types") List<ContentTypeLink> contentTypes,
    @JsonProperty("personalize_metadata") PersonalizeMetadata personalizeMetadata,
    List<String> branches,
    List<CmsVariant> variants,
    @JsonProperty("variant_count") Integer variantCount) {
  public VariantGroup {
    Wire.cmsUid(uid, "uid");
    Wire.required(name, "name");
    contentTypes = Wire.list(contentTypes);
    branches = Wire.list(branches);
    variants = Wire.list(variants);
  }

  public String experienceUid() {
    return personalizeMetadata == null ? null : personalizeMetadata.experienceUid();
  }
}
