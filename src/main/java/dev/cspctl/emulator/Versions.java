package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Experience versions and their DRAFT/ACTIVE/PAUSED/ARCHIVED state machine. */
final class Versions {
  private static final String P = "personalize.EXPERIENCES.VERSIONS.";
  static final String DRAFT_EXISTS = P + "CANNOT_CREATE_VERSION_AS_DRAFT_ALREADY_EXISTS";
  static final String LOCKED = P + "CANNOT_UPDATE_LOCKED_VERSION";
  static final String CANNOT_DRAFT = P + "CANNOT_MARK_VERSION_AS_DRAFT";

  private final Store store;
  private final EmulatorConfig config;
  private final CmsSync sync;
  private final VersionHistory history;

  Versions(Store store, EmulatorConfig config, CmsSync sync, VersionHistory history) {
    this.store = store;
    this.config = config;
    this.sync = sync;
    this.history = history;
  }

  void register(Router r) {
    String base = "/experiences/{uid}/versions";
    r.add(
        "GET",
        base,
        q ->
            store.locked(
                s -> Response.ok(ExperienceView.versions(Experiences.find(s, q.param("uid"))))));
    r.add("POST", base, q -> store.locked(s -> Response.created(create(s, q))));
    r.add("PUT", base + "/{vuid}", q -> store.locked(s -> Response.ok(update(s, q))));
    r.add("DELETE", base + "/{vuid}", q -> store.locked(s -> delete(s, q)));
  }

  static ObjectNode newDraft() {
    ObjectNode v = Json.object();
    v.put("uid", Ids.objectId());
    v.put("status", "DRAFT");
    v.set("variants", Json.array());
    v.set("metrics", Json.array());
    v.put("createdAt", Json.now());
    v.put("updatedAt", Json.now());
    return v;
  }

  private ObjectNode create(EmulatorState s, Request q) {
    ExperienceRecord e = Experiences.find(s, q.param("uid"));
    if (e.versions.stream().anyMatch(v -> "DRAFT".equals(Json.text(v, "status")))) {
      throw ApiException.business(400, DRAFT_EXISTS);
    }
    if (config.refuseDraftBesideActive()
        && e.versions.stream().anyMatch(v -> "ACTIVE".equals(Json.text(v, "status")))) {
      throw ApiException.business(400, EmulatorAssumptions.DRAFT_BESIDE_ACTIVE_REFUSED);
    }
    ObjectNode draft = newDraft();
    history.record(history.nextRequest(), e.uid, Json.text(draft, "uid"), null, "DRAFT");
    ObjectNode body = q.object();
    if (EmulatorAssumptions.POST_VERSION_ACCEPTS_BODY && body.has("variants")) {
      VersionValidator val = new VersionValidator(s, config.quotas());
      ArrayNode variants = val.variants(body, e.type);
      ArrayNode metrics = val.metrics(body);
      ObjectNode targeting = AbSettings.targeting(body, e.type, s, val);
      String split = AbSettings.split(body, val);
      val.throwIfAny();
      assignShortUids(e, variants);
      draft.set("variants", variants);
      draft.set("metrics", metrics);
      setAb(draft, targeting, split);
      scheduleSync(s, e, variants);
    }
    e.versions.add(draft);
    e.updatedAt = Json.now();
    return draft;
  }

  private ObjectNode update(EmulatorState s, Request q) {
    ExperienceRecord e = Experiences.find(s, q.param("uid"));
    ObjectNode version = find(e, q.param("vuid"));
    ObjectNode body = q.object();
    VersionValidator val = new VersionValidator(s, config.quotas());
    String target = val.status(body);
    JsonNode sent = body.path("variants");
    // An empty or missing list is a validation error (EMPTY_ARRAY); too few to activate is a
    // business rule.
    if ("ACTIVE".equals(target)
        && sent.isArray()
        && !sent.isEmpty()
        && sent.size() < ("AB_TEST".equals(e.type) ? 2 : 1)) {
      throw ApiException.business(400, EmulatorAssumptions.INSUFFICIENT_VARIANTS);
    }
    ArrayNode variants = val.variants(body, e.type);
    ArrayNode metrics = val.metrics(body);
    ObjectNode targeting = AbSettings.targeting(body, e.type, s, val);
    String split = AbSettings.split(body, val);
    val.throwIfAny();
    String current = Json.text(version, "status");
    long request = history.nextRequest();
    if ("DRAFT".equals(current)) {
      checkShortUids(e, variants);
      if ("PAUSED".equals(target)) {
        throw ApiException.business(400, EmulatorAssumptions.INVALID_TRANSITION);
      }
      assignShortUids(e, variants);
      version.set("variants", variants);
      version.set("metrics", metrics);
      setAb(version, targeting, split);
      if ("ACTIVE".equals(target)) {
        boolean first =
            e.versions.stream()
                .noneMatch(v -> !isSame(v, version) && !"DRAFT".equals(Json.text(v, "status")));
        archiveLive(e, version, request);
        if (first && config.regenerateCmsOnActivation()) regenerateCmsVariants(s, e);
      }
      scheduleSync(s, e, variants);
    } else {
      if ("DRAFT".equals(target) && !EmulatorAssumptions.ARCHIVED.equals(current)) {
        throw ApiException.business(400, CANNOT_DRAFT);
      }
      if (EmulatorAssumptions.ARCHIVED.equals(current)
          || !LockedContent.same(version, variants, metrics)
          || !LockedContent.sameAb(version, targeting, split)) {
        throw ApiException.business(400, LOCKED);
      }
      if ("ACTIVE".equals(target) && !"ACTIVE".equals(current)) {
        archiveLive(e, version, request);
      }
    }
    history.record(request, e.uid, Json.text(version, "uid"), current, target);
    version.put("status", target);
    version.put("updatedAt", Json.now());
    e.updatedAt = Json.now();
    return version;
  }

  /** Targeting and split mode as sent; omitted ones are cleared ([inf] PUT_CLEARS_OMITTED). */
  private static void setAb(ObjectNode version, ObjectNode targeting, String split) {
    if (targeting != null) version.set("targeting", targeting);
    else if (EmulatorAssumptions.PUT_CLEARS_OMITTED) version.remove("targeting");
    if (split != null) version.put("variantSplit", split);
    else if (EmulatorAssumptions.PUT_CLEARS_OMITTED) version.remove("variantSplit");
  }

  private Response delete(EmulatorState s, Request q) {
    ExperienceRecord e = Experiences.find(s, q.param("uid"));
    ObjectNode version = find(e, q.param("vuid"));
    String st = Json.text(version, "status");
    if ("ACTIVE".equals(st) || "PAUSED".equals(st)) {
      throw ApiException.business(400, EmulatorAssumptions.CANNOT_DELETE_LIVE_VERSION);
    }
    if ("DRAFT".equals(st) && e.versions.size() == 1) {
      throw ApiException.business(400, EmulatorAssumptions.CANNOT_DELETE_ONLY_DRAFT);
    }
    e.versions.remove(version);
    return Response.noContent();
  }

  private static ObjectNode find(ExperienceRecord e, String vuid) {
    return e.versions.stream()
        .filter(v -> vuid.equals(Json.text(v, "uid")))
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("EXPERIENCES.VERSIONS"));
  }

  /**
   * [inf] A first activation may mint new CMS variant uids; content written for the old ones is
   * orphaned.
   */
  private static void regenerateCmsVariants(EmulatorState s, ExperienceRecord e) {
    for (var entry : new java.util.ArrayList<>(e.cmsVariants.entrySet())) {
      ObjectNode old = s.cmsVariants.remove(entry.getValue());
      if (old == null) continue;
      ObjectNode fresh = old.deepCopy();
      String uid = Ids.cms();
      fresh.put("uid", uid);
      fresh.put("updated_at", Json.now());
      s.cmsVariants.put(uid, fresh);
      e.cmsVariants.put(entry.getKey(), uid);
    }
  }

  /** The same version node (identity: two versions may hold equal JSON). */
  @SuppressWarnings("ReferenceEquality")
  private static boolean isSame(ObjectNode a, ObjectNode b) {
    return a == b;
  }

  /** Activating archives the other ACTIVE (and, by our reading, PAUSED) versions. */
  private void archiveLive(ExperienceRecord e, ObjectNode activated, long request) {
    for (ObjectNode v : e.versions) {
      String st = Json.text(v, "status");
      boolean live =
          "ACTIVE".equals(st)
              || ("PAUSED".equals(st) && EmulatorAssumptions.ACTIVATION_ARCHIVES_PAUSED);
      if (!isSame(v, activated) && live) {
        history.record(request, e.uid, Json.text(v, "uid"), st, EmulatorAssumptions.ARCHIVED);
        v.put("status", EmulatorAssumptions.ARCHIVED);
        v.put("updatedAt", Json.now());
      }
    }
  }

  /** Every sent shortUid must be one the experience already knows, and unique in the body. */
  private static void checkShortUids(ExperienceRecord e, ArrayNode variants) {
    Set<String> known = new HashSet<>(e.cmsVariants.keySet());
    e.versions.forEach(
        v -> v.path("variants").forEach(x -> known.add(x.path("shortUid").asText())));
    Set<String> seen = new HashSet<>();
    VersionValidator val = new VersionValidator(null, false);
    for (int i = 0; i < variants.size(); i++) {
      JsonNode su = variants.get(i).get("shortUid");
      if (su == null || su.isNull()) {
        continue;
      }
      if (!known.contains(su.asText()) || !seen.add(su.asText())) {
        val.add(
            EmulatorAssumptions.variantField(i, "shortUid"), EmulatorAssumptions.UNKNOWN_SHORT_UID);
      }
    }
    val.throwIfAny();
  }

  private static void assignShortUids(ExperienceRecord e, ArrayNode variants) {
    for (JsonNode v : variants) {
      JsonNode su = v.get("shortUid");
      if (su == null || su.isNull()) {
        ((ObjectNode) v).put("shortUid", Long.toString(e.variantHighWater++));
      } else {
        ((ObjectNode) v).put("shortUid", su.asText());
      }
    }
  }

  private void scheduleSync(EmulatorState s, ExperienceRecord e, ArrayNode variants) {
    Map<String, String> names = new LinkedHashMap<>();
    variants.forEach(v -> names.put(v.path("shortUid").asText(), Json.text(v, "name")));
    sync.schedule(s, e, names);
  }
}
