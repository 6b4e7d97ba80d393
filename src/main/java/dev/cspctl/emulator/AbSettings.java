package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The A/B fields of a version body: {@code variantSplit} (equal shares computed by the service, or
 * custom shares from the variants) and {@code targeting}, the target group, in the [inf] shape
 * {@code {"audience":{"audiences":[uid…],"audienceCombinationType":"OR"|"AND"}}}.
 */
final class AbSettings {
  private AbSettings() {}

  /** The split mode sent, or null (custom) when absent; records an error for an unknown value. */
  static String split(JsonNode body, VersionValidator val) {
    JsonNode s = body.get("variantSplit");
    if (s == null || s.isNull()) return null;
    if (!s.isTextual() || !EmulatorAssumptions.VARIANT_SPLITS.contains(s.asText())) {
      val.add("variantSplit", EmulatorAssumptions.NOT_VALID_ENUM);
      return null;
    }
    return s.asText();
  }

  /**
   * [inf] An equal split: the service writes the shares (100 / n, the first ones take the
   * remainder).
   */
  static void writeEqualShares(ArrayNode variants) {
    int n = variants.size();
    for (int i = 0; i < n; i++) {
      if (variants.get(i).isObject()) {
        ((ObjectNode) variants.get(i)).put("trafficDistribution", 100 / n + (i < 100 % n ? 1 : 0));
      }
    }
  }

  /** A validated copy of {@code targeting}, or null for everyone (absent, null or no audiences). */
  static ObjectNode targeting(
      JsonNode body, String experienceType, EmulatorState state, VersionValidator val) {
    JsonNode t = body.get("targeting");
    if (t == null || t.isNull()) return null;
    if (!"AB_TEST".equals(experienceType) && EmulatorAssumptions.TARGETING_ONLY_FOR_AB) {
      val.add("targeting", EmulatorAssumptions.TARGETING_NOT_ALLOWED);
      return null;
    }
    JsonNode a = t.path("audience");
    JsonNode uids = a.path("audiences");
    if (!t.isObject() || !uids.isArray()) {
      val.add("targeting.audience.audiences", EmulatorAssumptions.notArray("AUDIENCES"));
      return null;
    }
    if (uids.isEmpty()) return null;
    for (JsonNode u : uids) {
      String id = u.asText();
      if (!Ids.isObjectId(id)) {
        val.add("targeting.audience.audiences", id + " is not a valid ObjectId");
      } else if (!state.audiences.containsKey(id)) {
        val.add("targeting.audience.audiences", EmulatorAssumptions.audienceMissing(id));
      }
    }
    String act = Json.text(a, "audienceCombinationType");
    if (!"AND".equals(act) && !"OR".equals(act)) {
      val.add("targeting.audience.audienceCombinationType", EmulatorAssumptions.NOT_VALID_ENUM);
    }
    return (ObjectNode) t.deepCopy();
  }
}
