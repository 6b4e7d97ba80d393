package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * A version variant (§5), used both in replies and in PUT bodies. {@code shortUid} is null for a
 * new variant (the server mints it); keep the existing one otherwise (decision 2). {@code
 * trafficDistribution} is read from a number or a string.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RemoteVariant(
    @JsonProperty("__type") VariantType type,
    String name,
    String shortUid,
    List<String> audiences,
    List<String> lyticsAudiences,
    String audienceCombinationType,
    @JsonSerialize(using = TrafficDistributionSerializer.class) Integer trafficDistribution,
    JsonNode target) {

  public static RemoteVariant segmented(
      String name,
      String shortUid,
      List<String> audiences,
      List<String> lyticsAudiences,
      String combination) {
    return new RemoteVariant(
        VariantType.SEGMENTED, name, shortUid, audiences, lyticsAudiences, combination, null, null);
  }

  /** {@code trafficDistribution} null: an equal split, the service computes the share. */
  public static RemoteVariant abTest(String name, String shortUid, Integer trafficDistribution) {
    return new RemoteVariant(
        VariantType.AB_TEST, name, shortUid, null, null, null, trafficDistribution, null);
  }
}
