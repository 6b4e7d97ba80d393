package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a PUT on a locked (ACTIVE/PAUSED) version changes its variants or metrics.
 * Compares the fields that matter; a sent shortUid is compared only when present.
 */
final class LockedContent {
  private LockedContent() {}

  static boolean same(ObjectNode version, ArrayNode variants, ArrayNode metrics) {
    JsonNode stored = version.path("variants");
    if (stored.size() != variants.size()) {
      return false;
    }
    for (int i = 0; i < variants.size(); i++) {
      JsonNode sent = variants.get(i);
      JsonNode have = stored.get(i);
      if (sent.hasNonNull("shortUid")
          && !sent.get("shortUid").asText().equals(have.path("shortUid").asText())) {
        return false;
      }
      if (!variantKey(sent).equals(variantKey(have))) {
        return false;
      }
    }
    return metricKeys(version.path("metrics")).equals(metricKeys(metrics));
  }

  /**
   * A locked version's target group and split mode cannot change either (a new draft is needed).
   */
  static boolean sameAb(ObjectNode version, ObjectNode targeting, String split) {
    JsonNode have = version.get("targeting");
    boolean sameTarget = have == null ? targeting == null : have.equals(targeting);
    return sameTarget && java.util.Objects.equals(Json.text(version, "variantSplit"), split);
  }

  private static List<Object> variantKey(JsonNode v) {
    List<Object> k = new ArrayList<>();
    k.add(Json.text(v, "__type"));
    k.add(Json.text(v, "name"));
    k.add(v.path("audiences").toString());
    k.add(v.path("lyticsAudiences").toString());
    k.add(Json.text(v, "audienceCombinationType"));
    k.add(VersionValidator.traffic(v.get("trafficDistribution")));
    return k;
  }

  private static List<List<String>> metricKeys(JsonNode ms) {
    List<List<String>> out = new ArrayList<>();
    ms.forEach(
        m ->
            out.add(
                List.of(
                    String.valueOf(Json.text(m, "__type")),
                    String.valueOf(Json.text(m, "event")),
                    String.valueOf(Json.text(m, "name")))));
    return out;
  }
}
