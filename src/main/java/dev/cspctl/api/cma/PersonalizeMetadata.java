package dev.cspctl.api.cma;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code personalize_metadata} on CMS variant groups and variants (§8). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersonalizeMetadata(
    @JsonProperty("project_uid") String projectUid,
    @JsonProperty("experience_uid") String experienceUid,
    @JsonProperty("experience_short_uid") String experienceShortUid,
    @JsonProperty("variant_short_uid") String variantShortUid,
    String status) {}
