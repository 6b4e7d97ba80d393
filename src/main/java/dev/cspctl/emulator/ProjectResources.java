package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Personalize attributes, events and audiences: POST/GET/PUT/DELETE. */
final class ProjectResources {
  private final Store store;
  private final EmulatorConfig config;

  ProjectResources(Store store, EmulatorConfig config) {
    this.store = store;
    this.config = config;
  }

  void register(Router r) {
    r.add("GET", "/attributes", q -> list(s -> s.attributes));
    r.add(
        "POST", "/attributes", q -> store.locked(s -> Response.created(saveAttribute(s, null, q))));
    if (EmulatorAssumptions.SINGLE_GET_ENABLED) {
      r.add("GET", "/attributes/{uid}", q -> one(s -> s.attributes, "ATTRIBUTES", q));
    }
    r.add(
        "PUT",
        "/attributes/{uid}",
        q -> store.locked(s -> Response.ok(saveAttribute(s, q.param("uid"), q))));
    r.add("DELETE", "/attributes/{uid}", q -> delete(s -> s.attributes, "ATTRIBUTES", q));
    r.add("GET", "/events", q -> list(s -> s.events));
    r.add("POST", "/events", q -> store.locked(s -> Response.created(saveEvent(s, null, q))));
    if (EmulatorAssumptions.SINGLE_GET_ENABLED) {
      r.add("GET", "/events/{uid}", q -> one(s -> s.events, "EVENTS", q));
    }
    r.add(
        "PUT",
        "/events/{uid}",
        q -> store.locked(s -> Response.ok(saveEvent(s, q.param("uid"), q))));
    r.add("DELETE", "/events/{uid}", q -> delete(s -> s.events, "EVENTS", q));
    r.add("GET", "/audiences", q -> list(s -> s.audiences));
    r.add("POST", "/audiences", q -> store.locked(s -> Response.created(saveAudience(s, null, q))));
    if (EmulatorAssumptions.SINGLE_GET_ENABLED) {
      r.add("GET", "/audiences/{uid}", q -> one(s -> s.audiences, "AUDIENCES", q));
    }
    r.add(
        "PUT",
        "/audiences/{uid}",
        q -> store.locked(s -> Response.ok(saveAudience(s, q.param("uid"), q))));
    r.add("DELETE", "/audiences/{uid}", q -> delete(s -> s.audiences, "AUDIENCES", q));
  }

  private interface Table {
    Map<String, ObjectNode> of(EmulatorState s);
  }

  private Response list(Table t) {
    return store.locked(s -> Response.ok(Json.array(t.of(s).values())));
  }

  private Response one(Table t, String kind, Request q) {
    return store.locked(s -> Response.ok(existing(t.of(s), kind, q.param("uid"))));
  }

  private Response delete(Table t, String kind, Request q) {
    return store.locked(
        s -> {
          existing(t.of(s), kind, q.param("uid"));
          if (!EmulatorAssumptions.ALLOW_DELETE_REFERENCED
              && References.inUse(s, kind, q.param("uid"))) {
            throw ApiException.business(400, EmulatorAssumptions.inUse(kind));
          }
          t.of(s).remove(q.param("uid"));
          return Response.noContent();
        });
  }

  private static ObjectNode existing(Map<String, ObjectNode> table, String kind, String uid) {
    ObjectNode n = table.get(uid);
    if (n == null) {
      throw ApiException.notFound(kind);
    }
    return n;
  }

  private ObjectNode saveAttribute(EmulatorState s, String uid, Request q) {
    ObjectNode body = q.object();
    String name = requireText(body, "name");
    String key = requireText(body, "key");
    uniqueKey(s.attributes, key, uid, EmulatorAssumptions.DUPLICATE_ATTRIBUTE_KEY);
    ObjectNode n = base(s.attributes, "ATTRIBUTES", uid, Quotas.ATTRIBUTES);
    n.put("name", name);
    n.put("key", key);
    n.put("description", body.path("description").asText(""));
    n.put("__type", "CUSTOM");
    return n;
  }

  private ObjectNode saveEvent(EmulatorState s, String uid, Request q) {
    ObjectNode body = q.object();
    String key = requireText(body, "key");
    uniqueKey(s.events, key, uid, EmulatorAssumptions.DUPLICATE_EVENT_KEY);
    ObjectNode n = base(s.events, "EVENTS", uid, Quotas.EVENTS);
    n.put("key", key);
    n.put("description", body.path("description").asText(""));
    if (body.hasNonNull("name")) {
      n.put("name", body.get("name").asText());
    }
    return n;
  }

  private ObjectNode saveAudience(EmulatorState s, String uid, Request q) {
    ObjectNode body = q.object();
    String name = requireText(body, "name");
    JsonNode def = body.get("definition");
    new AudienceValidator(s.attributes.keySet()).validate(def);
    ObjectNode n = base(s.audiences, "AUDIENCES", uid, Quotas.AUDIENCES);
    n.put("name", name);
    n.put("description", body.path("description").asText(""));
    n.set("definition", def.deepCopy());
    return n;
  }

  /** The existing node (PUT) or a new one stored in the table (POST, quota-checked). */
  private ObjectNode base(Map<String, ObjectNode> table, String kind, String uid, int quota) {
    String now = Json.now();
    if (uid != null) {
      ObjectNode n = existing(table, kind, uid);
      n.put("updatedAt", now);
      return n;
    }
    Quotas.check(config.quotas(), table.size(), quota, kind);
    String id = Ids.objectId();
    ObjectNode n = Json.object();
    n.put("_id", id);
    n.put("uid", id);
    n.put("project", store.locked(EmulatorState::projectUid));
    n.put("createdAt", now);
    n.put("updatedAt", now);
    table.put(id, n);
    return n;
  }

  private static void uniqueKey(
      Map<String, ObjectNode> table, String key, String selfUid, String code) {
    for (Map.Entry<String, ObjectNode> e : table.entrySet()) {
      if (!e.getKey().equals(selfUid) && key.equals(Json.text(e.getValue(), "key"))) {
        throw ApiException.business(400, code);
      }
    }
  }

  static String requireText(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw ApiException.validation(field, EmulatorAssumptions.REQUIRED);
    }
    return v.asText();
  }
}
