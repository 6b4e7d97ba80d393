package dev.cspctl.api.cma;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Reply to single or bulk publish: {@code {"notice":"…","job_id":"…"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishResult(String notice, @JsonProperty("job_id") String jobId) {}
