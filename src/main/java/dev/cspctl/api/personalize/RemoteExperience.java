package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cspctl.api.ApiNames;
import dev.cspctl.api.http.Wire;
import dev.cspctl.spec.ExperienceType;
import java.util.List;

/**
 * An experience summary (§4). {@code cms} is filled asynchronously by the server after the draft
 * version gains variants, so it may be null or have an empty variants map.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RemoteExperience(
    String uid,
    String name,
    String description,
    @JsonProperty("__type")
        @JsonSerialize(using = ApiNames.ExperienceTypeSerializer.class)
        @JsonDeserialize(using = ApiNames.ExperienceTypeDeserializer.class)
        ExperienceType type,
    String shortUid,
    String status,
    String latestVersion,
    @JsonProperty("_cms") ExperienceCms cms,
    List<String> referredAudiences,
    List<String> referredLyticsAudiences,
    List<String> tags) {
  public RemoteExperience {
    Wire.personalizeUid(uid, "uid");
    Wire.required(name, "name");
    Wire.required(type, "__type");
    if (latestVersion != null) {
      Wire.personalizeUid(latestVersion, "latestVersion");
    }
    referredAudiences = Wire.list(referredAudiences);
    referredLyticsAudiences = Wire.list(referredLyticsAudiences);
    tags = Wire.list(tags);
  }

  /** True once the server has synced the CMS variant group and at least one variant. */
  public boolean cmsReady() {
    return cms != null && cms.variantGroup() != null && !cms.variants().isEmpty();
  }
}
