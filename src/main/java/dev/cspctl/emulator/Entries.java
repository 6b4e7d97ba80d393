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
                  s.entries.forEach(
                      (k, v) -> {
                        if (k.startsWith(q.param("ct") + "/")
                            && (locale == null || locale.equals(Json.text(v, "locale")))) {
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
