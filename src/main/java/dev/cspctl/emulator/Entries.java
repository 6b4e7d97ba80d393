package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Read-only CMA content types and base entries (seeded), plus lookups shared by writers. */
final class Entries {
  private final Store store;

  Entries(Store store) {
    this.store = store;
  }

  void register(Router r) {
    r.add(
        "GET",
        "/v3/content_types",
        q ->
            store.locked(
                s -> {
                  List<ObjectNode> all = new ArrayList<>(s.contentTypes.values());
                  return Response.ok(
                      Paging.page(q, "content_types", all, EmulatorAssumptions.MAX_LIMIT));
                }));
    r.add(
        "GET",
        "/v3/content_types/{ct}",
        q ->
            store.locked(
                s -> {
                  ObjectNode body = Json.object();
                  body.set("content_type", contentType(s, q.param("ct")));
                  return Response.ok(body);
                }));
    r.add(
        "GET",
        "/v3/content_types/{ct}/entries",
        q ->
            store.locked(
                s -> {
                  contentType(s, q.param("ct"));
                  List<ObjectNode> all = new ArrayList<>();
                  String locale = q.query("locale", null);
                  java.util.function.Predicate<String> uid = uidFilter(q.query("query", null));
                  s.entries.forEach(
                      (k, v) -> {
                        if (k.startsWith(q.param("ct") + "/")
                            && (locale == null || locale.equals(Json.text(v, "locale")))
                            && uid.test(Json.text(v, "uid"))) {
                          all.add(v);
                        }
                      });
                  return Response.ok(Paging.page(q, "entries", all, EmulatorAssumptions.MAX_LIMIT));
                }));
    r.add(
        "GET",
        "/v3/content_types/{ct}/entries/{entry}",
        q ->
            store.locked(
                s -> {
                  ObjectNode body = Json.object();
                  body.set("entry", entry(s, q.param("ct"), q.param("entry")));
                  return Response.ok(body);
                }));
  }

  /**
   * The entry query of the CMA, as far as cspctl uses it: {@code {"uid":"…"}} and {@code
   * {"uid":{"$in":[…]}}}; no query matches every entry. Any other query is refused (422), so a
   * client that sent one would fail a test instead of reading everything.
   */
  static java.util.function.Predicate<String> uidFilter(String query) {
    if (query == null) return u -> true;
    com.fasterxml.jackson.databind.JsonNode q;
    try {
      q = new com.fasterxml.jackson.databind.ObjectMapper().readTree(query);
    } catch (java.io.IOException e) {
      throw ApiException.cma(
          422, "Please send a valid JSON query.", EmulatorAssumptions.CMA_CODE_NOT_FOUND);
    }
    com.fasterxml.jackson.databind.JsonNode uid = q == null ? null : q.get("uid");
    if (q == null || !q.isObject() || q.size() != 1 || uid == null) {
      throw ApiException.cma(
          422,
          "The emulator supports only a query on uid.",
          EmulatorAssumptions.CMA_CODE_NOT_FOUND);
    }
    if (uid.isTextual()) return uid.asText()::equals;
    com.fasterxml.jackson.databind.JsonNode in = uid.get("$in");
    if (in == null || !in.isArray()) {
      throw ApiException.cma(
          422, "The emulator supports only uid or $in.", EmulatorAssumptions.CMA_CODE_NOT_FOUND);
    }
    java.util.Set<String> uids = new java.util.HashSet<>();
    in.forEach(u -> uids.add(u.asText()));
    return uids::contains;
  }

  static ObjectNode contentType(EmulatorState s, String ct) {
    ObjectNode n = s.contentTypes.get(ct);
    if (n == null) {
      throw ApiException.cma(
          422,
          "The Content Type '" + ct + "' was not found. Please try again.",
          EmulatorAssumptions.CMA_CODE_NOT_FOUND);
    }
    return n;
  }

  static ObjectNode entry(EmulatorState s, String ct, String uid) {
    contentType(s, ct);
    ObjectNode e = s.entries.get(ct + "/" + uid);
    if (e == null) {
      throw ApiException.cma(
          422, "UID is not valid", EmulatorAssumptions.CMA_CODE_NOT_FOUND, "uid", "is not valid.");
    }
    return e;
  }
}
