package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates a version PUT/POST body: status, variants by experience type, metrics. */
final class VersionValidator {
  static final Set<String> STATUSES = Set.of("DRAFT", "ACTIVE", "PAUSED");
  private final Map<String, List<String>> errors = new LinkedHashMap<>();
  private final EmulatorState state;
  private final boolean quotas;

  VersionValidator(EmulatorState state, boolean quotas) {
    this.state = state;
    this.quotas = quotas;
  }

  /** Normalised status ("PAUSE" alias if enabled), or null after recording an error. */
  String status(JsonNode body) {
    JsonNode st = body.get("status");
    if (st == null || st.isNull()) {
      add("status", EmulatorAssumptions.STATUS_REQUIRED);
      add("status", EmulatorAssumptions.INVALID_STATUS);
      return null;
    }
    String v = st.asText();
    if (EmulatorAssumptions.ACCEPT_PAUSE_ALIAS && "PAUSE".equals(v)) {
      v = "PAUSED";
    }
    if (!st.isTextual() || !STATUSES.contains(v)) {
      add("status", EmulatorAssumptions.INVALID_STATUS);
      return null;
    }
    return v;
  }

  /** A deep copy of the variants, validated against the experience type. */
  ArrayNode variants(JsonNode body, String experienceType) {
    JsonNode vs = body.get("variants");
    if (vs == null || vs.isNull()) {
      add("variants", EmulatorAssumptions.VARIANTS_NOT_ARRAY);
      add("variants", EmulatorAssumptions.EMPTY_ARRAY);
      return null;
    }
    if (!vs.isArray()) {
      add("variants", EmulatorAssumptions.VARIANTS_NOT_ARRAY);
      return null;
    }
    if (vs.isEmpty()) {
      add("variants", EmulatorAssumptions.EMPTY_ARRAY);
      return null;
    }
    if (quotas && vs.size() > Quotas.VARIANTS_PER_EXPERIENCE) {
      add("variants", EmulatorAssumptions.MAX_VARIANTS);
    }
    ArrayNode copy = vs.deepCopy();
    boolean ab = "AB_TEST".equals(experienceType);
    if (ab && EmulatorAssumptions.EQUAL_SPLIT.equals(body.path("variantSplit").asText(null))) {
      AbSettings.writeEqualShares(copy);
    }
    double traffic = 0;
    for (int i = 0; i < copy.size(); i++) {
      JsonNode v = copy.get(i);
      if (!v.isObject()) {
        add(EmulatorAssumptions.variantField(i, "__type"), EmulatorAssumptions.NOT_VALID_ENUM);
        continue;
      }
      if (!(v.get("name") instanceof com.fasterxml.jackson.databind.node.TextNode)) {
        add(EmulatorAssumptions.variantField(i, "name"), EmulatorAssumptions.REQUIRED);
      }
      if (ab) {
        traffic += abVariant(i, (ObjectNode) v);
      } else {
        segmented(i, (ObjectNode) v);
      }
    }
    if (ab && copy.size() < 2) {
      add("variants", EmulatorAssumptions.MIN_AB_VARIANTS);
    }
    if (ab && Math.abs(traffic - 100) > 1e-9) {
      add("variants", EmulatorAssumptions.TRAFFIC_SUM);
    }
    return copy;
  }

  private void segmented(int i, ObjectNode v) {
    if (!"SegmentedVariant".equals(Json.text(v, "__type"))) {
      add(EmulatorAssumptions.variantField(i, "__type"), EmulatorAssumptions.NOT_VALID_ENUM);
    }
    JsonNode aud = v.path("audiences");
    JsonNode lytics = v.path("lyticsAudiences");
    if (!v.has("audiences")) {
      v.set("audiences", Json.array());
      aud = v.get("audiences");
    }
    if (!v.has("lyticsAudiences")) {
      v.set("lyticsAudiences", Json.array());
      lytics = v.get("lyticsAudiences");
    }
    if (!aud.isArray() || !lytics.isArray()) {
      add(
          EmulatorAssumptions.variantField(i, "audiences"),
          EmulatorAssumptions.notArray("AUDIENCES"));
      return;
    }
    if (aud.isEmpty() && lytics.isEmpty()) {
      add(EmulatorAssumptions.variantField(i, "audiences"), EmulatorAssumptions.EMPTY_ARRAY);
    }
    for (JsonNode a : aud) {
      String id = a.asText();
      if (!Ids.isObjectId(id)) {
        add(EmulatorAssumptions.variantField(i, "audiences"), id + " is not a valid ObjectId");
      } else if (!state.audiences.containsKey(id)) {
        add(
            EmulatorAssumptions.variantField(i, "audiences"),
            EmulatorAssumptions.audienceMissing(id));
      }
    }
    String act = Json.text(v, "audienceCombinationType");
    if (!"AND".equals(act) && !"OR".equals(act)) {
      add(
          EmulatorAssumptions.variantField(i, "audienceCombinationType"),
          EmulatorAssumptions.NOT_VALID_ENUM);
    }
  }

  private double abVariant(int i, ObjectNode v) {
    if (!"ABTestVariant".equals(Json.text(v, "__type"))) {
      add(EmulatorAssumptions.variantField(i, "__type"), EmulatorAssumptions.NOT_VALID_ENUM);
    }
    Double t = traffic(v.get("trafficDistribution"));
    if (t == null || t < 0 || t > 100) {
      add(
          EmulatorAssumptions.variantField(i, "trafficDistribution"),
          EmulatorAssumptions.NOT_VALID_ENUM);
      return 0;
    }
    return t;
  }

  static Double traffic(JsonNode t) {
    if (t == null) {
      return null;
    }
    if (t.isNumber()) {
      return t.asDouble();
    }
    if (t.isTextual() && EmulatorAssumptions.TRAFFIC_AS_STRING_ALLOWED) {
      try {
        return Double.parseDouble(t.asText());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  ArrayNode metrics(JsonNode body) {
    JsonNode ms = body.get("metrics");
    if (ms == null || ms.isNull()) {
      return Json.array();
    }
    if (!ms.isArray()) {
      add("metrics", EmulatorAssumptions.notArray("METRICS"));
      return Json.array();
    }
    for (int i = 0; i < ms.size(); i++) {
      JsonNode m = ms.get(i);
      String key = "metrics[" + i + "]";
      if (!EmulatorAssumptions.METRIC_TYPES.contains(Json.text(m, "__type"))) {
        add(key + ".__type", EmulatorAssumptions.NOT_VALID_ENUM);
      }
      String ev = Json.text(m, "event");
      if (ev == null || !state.events.containsKey(ev)) {
        add(key + ".event", EmulatorAssumptions.eventMissing(String.valueOf(ev)));
      }
      if (Json.text(m, "name") == null) {
        add(key + ".name", EmulatorAssumptions.REQUIRED);
      }
    }
    return ms.deepCopy();
  }

  void add(String field, String code) {
    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(code);
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
  }
}
