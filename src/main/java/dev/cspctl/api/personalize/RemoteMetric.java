package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An experience metric: {@code {"__type":"Primary","event":"<eventUid>","name":"Signup"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RemoteMetric(@JsonProperty("__type") MetricType type, String event, String name) {}
