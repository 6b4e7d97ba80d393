package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Personalize experiences (CRUD) and the project's priority order. */
final class Experiences {
  static final Set<String> TYPES = Set.of("SEGMENTED", "AB_TEST");
  private final Store store;
  private final EmulatorConfig config;

  Experiences(Store store, EmulatorConfig config) {
    this.store = store;
    this.config = config;
  }

  void register(Router r) {
    r.add(
        "GET",
        "/experiences",
        q ->
            store.locked(
                s -> {
                  ArrayNode a = Json.array();
                  if (EmulatorAssumptions.LIST_EXPERIENCES_BY_PRIORITY) {
                    s.priorityOrder.forEach(
                        uid -> a.add(ExperienceView.summary(s.experiences.get(uid))));
                  } else {
                    s.experiences.values().forEach(e -> a.add(ExperienceView.summary(e)));
                  }
                  return Response.ok(a);
                }));
    r.add("POST", "/experiences", q -> store.locked(s -> Response.created(create(s, q.object()))));
    r.add(
        "GET",
        "/experiences/{uid}",
        q -> store.locked(s -> Response.ok(ExperienceView.summary(find(s, q.param("uid"))))));
    r.add(
        "PUT",
        "/experiences/{uid}",
        q -> store.locked(s -> Response.ok(update(s, q.param("uid"), q.object()))));
    r.add(
        "DELETE",
        "/experiences/{uid}",
        q ->
            store.locked(
                s -> {
                  ExperienceRecord e = find(s, q.param("uid"));
                  s.experiences.remove(e.uid);
                  if (!config.stalePriorityUids()) s.priorityOrder.remove(e.uid);
                  s.pendingSyncs.removeIf(p -> p.experienceUid.equals(e.uid));
                  return Response.noContent();
                }));
    r.add("GET", "/experiences-priority", q -> store.locked(s -> Response.ok(priority(s))));
    r.add(
        "PUT",
        "/experiences-priority",
        q -> store.locked(s -> Response.ok(setPriority(s, q.object()))));
  }

  static ExperienceRecord find(EmulatorState s, String uid) {
    ExperienceRecord e = s.experiences.get(uid);
    if (e == null) {
      throw ApiException.notFound("EXPERIENCES");
    }
    return e;
  }

  private ObjectNode create(EmulatorState s, ObjectNode body) {
    String name = ProjectResources.requireText(body, "name");
    String type = requireType(body);
    Quotas.check(config.quotas(), s.experiences.size(), Quotas.EXPERIENCES, "EXPERIENCES");
    ExperienceRecord e = new ExperienceRecord();
    e.uid = Ids.objectId();
    e.name = name;
    e.description = body.path("description").asText("");
    e.type = type;
    e.tags = tags(body, List.of());
    e.shortUid = Long.toString(s.nextExperienceShortUid++);
    e.createdAt = Json.now();
    e.updatedAt = e.createdAt;
    e.versions.add(Versions.newDraft());
    s.experiences.put(e.uid, e);
    s.priorityOrder.add(e.uid);
    return ExperienceView.summary(e);
  }

  private ObjectNode update(EmulatorState s, String uid, ObjectNode body) {
    ExperienceRecord e = find(s, uid);
    String name = ProjectResources.requireText(body, "name");
    if (body.has("__type")) {
      String type = requireType(body);
      boolean hasVariants = e.versions.stream().anyMatch(v -> !v.path("variants").isEmpty());
      if (!type.equals(e.type) && hasVariants) {
        throw ApiException.business(400, EmulatorAssumptions.CANNOT_CHANGE_TYPE);
      }
      e.type = type;
    }
    e.tags = tags(body, EmulatorAssumptions.EXPERIENCE_PUT_KEEPS_OMITTED_TAGS ? e.tags : List.of());
    e.name = name;
    if (body.has("description")) {
      e.description = body.path("description").asText("");
    }
    e.updatedAt = Json.now();
    return ExperienceView.summary(e);
  }

  /**
   * The body's tags, lowercased and de-duplicated as the service stores them; {@code absent} when
   * not sent.
   */
  private static List<String> tags(ObjectNode body, List<String> absent) {
    JsonNode t = body.get("tags");
    if (t == null || t.isNull()) return new ArrayList<>(absent);
    if (!t.isArray()) throw ApiException.validation("tags", EmulatorAssumptions.notArray("TAGS"));
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (JsonNode x : t) {
      String tag = x.asText();
      if (!x.isTextual()
          || tag.isEmpty()
          || tag.length() > EmulatorAssumptions.MAX_TAG_LENGTH
          || !tag.matches("[a-zA-Z0-9_:-]+")) {
        throw ApiException.validation("tags", EmulatorAssumptions.TAG_INVALID);
      }
      out.add(tag.toLowerCase(java.util.Locale.ROOT));
    }
    if (out.size() > EmulatorAssumptions.MAX_TAGS)
      throw ApiException.validation("tags", EmulatorAssumptions.TAGS_LIMIT);
    return new ArrayList<>(out);
  }

  private static String requireType(ObjectNode body) {
    String type = Json.text(body, "__type");
    if (type == null || !TYPES.contains(type)) {
      throw ApiException.validation("__type", EmulatorAssumptions.NOT_VALID_ENUM);
    }
    return type;
  }

  private static ObjectNode priority(EmulatorState s) {
    ObjectNode n = Json.object();
    n.set("priorityOrder", Json.array(s.priorityOrder));
    return n;
  }

  private ObjectNode setPriority(EmulatorState s, ObjectNode body) {
    JsonNode order = body.get("priorityOrder");
    if (order == null || !order.isArray()) {
      throw ApiException.validation(
          "priorityOrder", EmulatorAssumptions.notArray("PRIORITY_ORDER"));
    }
    List<String> uids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode u : order) {
      String uid = u.asText();
      boolean known =
          s.experiences.containsKey(uid)
              || (config.stalePriorityUids() && s.priorityOrder.contains(uid));
      if (!u.isTextual() || !known || !seen.add(uid)) {
        throw ApiException.business(400, EmulatorAssumptions.INVALID_EXPERIENCES);
      }
      uids.add(uid);
    }
    boolean stale = config.stalePriorityUids() && !seen.containsAll(s.priorityOrder);
    if (!seen.containsAll(s.experiences.keySet()) || stale) {
      throw ApiException.business(400, EmulatorAssumptions.MISSING_EXPERIENCES);
    }
    s.priorityOrder = uids;
    return priority(s);
  }
}
