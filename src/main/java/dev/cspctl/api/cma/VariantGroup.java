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
    Wire.required(uid, "uid");
    Wire.required(name, "name");
    contentTypes = Wire.list(contentTypes);
    branches = Wire.list(branches);
    variants = Wire.list(variants);
    if (personalizeMetadata != null && personalizeMetadata.experienceUid() != null) {
      // managed by Personalize: uids have the documented shape (ApiAssumptions)
      Wire.cmsUid(uid, "uid");
      Wire.personalizeUid(
          personalizeMetadata.experienceUid(), "personalize_metadata.experience_uid");
      variants.forEach(v -> Wire.cmsUid(v.uid(), "variants[].uid"));
    }
  }

  public String experienceUid() {
    return personalizeMetadata == null ? null : personalizeMetadata.experienceUid();
  }
}
