package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** CMA entry variants: upsert, get, list, delete; the server computes _change_set. */
final class EntryVariants {
  private static final String BASE = "/v3/content_types/{ct}/entries/{entry}/variants";
  private final Store store;

  EntryVariants(Store store) {
    this.store = store;
  }

  void register(Router r) {
    r.add("PUT", BASE + "/{variant}", q -> store.locked(s -> upsert(s, q)));
    r.add(
        "GET",
        BASE + "/{variant}",
        q ->
            store.locked(
                s -> {
                  ObjectNode body = Json.object();
                  body.set("entry", withPublishDetails(s, q, render(s, stored(s, q))));
                  return Response.ok(body);
                }));
    r.add(
        "GET",
        BASE + "/{variant}/versions",
        q ->
            store.locked(
                s -> {
                  ObjectNode rec = stored(s, q);
                  List<ObjectNode> versions = new ArrayList<>();
                  rec.path("history").forEach(h -> versions.add((ObjectNode) h.deepCopy()));
                  if (EmulatorAssumptions.VARIANT_VERSIONS_NEWEST_FIRST)
                    java.util.Collections.reverse(versions);
                  ObjectNode body = Json.object();
                  body.set("versions", Json.array(versions));
                  return Response.ok(body);
                }));
    r.add(
        "DELETE",
        BASE + "/{variant}",
        q ->
            store.locked(
                s -> {
                  stored(s, q);
                  s.entryVariants.remove(key(q));
                  ObjectNode body = Json.object();
                  body.put("notice", "Entry variant deleted successfully.");
                  return Response.ok(body);
                }));
    r.add(
        "GET",
        BASE,
        q ->
            store.locked(
                s -> {
                  Entries.entry(s, q.param("ct"), q.param("entry"));
                  String prefix = q.param("ct") + "/" + q.param("entry") + "/" + locale(q) + "/";
                  List<ObjectNode> all = new ArrayList<>();
                  s.entryVariants.forEach(
                      (k, v) -> {
                        if (k.startsWith(prefix)) {
                          all.add(withPublishDetails(s, q, render(s, v)));
                        }
                      });
                  return Response.ok(
                      Paging.page(
                          q, "entries", all, EmulatorAssumptions.ENTRY_VARIANT_DEFAULT_LIMIT));
                }));
  }

  private static ObjectNode withPublishDetails(EmulatorState s, Request q, ObjectNode rendered) {
    if ("true".equals(q.query(EmulatorAssumptions.INCLUDE_PUBLISH_DETAILS, "false"))) {
      rendered.set(
          "publish_details",
          Json.array(
              StackSettings.publishDetails(
                  s,
                  q.param("ct"),
                  q.param("entry"),
                  rendered.path("locale").asText(),
                  rendered.path("_variant").path("_uid").asText())));
    }
    return rendered;
  }

  static String locale(Request q) {
    return q.query("locale", EmulatorAssumptions.DEFAULT_LOCALE);
  }

  static String key(String ct, String entry, String locale, String variant) {
    return ct + "/" + entry + "/" + locale + "/" + variant;
  }

  private static String key(Request q) {
    return key(q.param("ct"), q.param("entry"), locale(q), q.param("variant"));
  }

  private static ObjectNode stored(EmulatorState s, Request q) {
    Entries.entry(s, q.param("ct"), q.param("entry"));
    ObjectNode v = s.entryVariants.get(key(q));
    if (v == null) {
      throw ApiException.cma(
          404, "Entry variant was not found.", EmulatorAssumptions.CMA_CODE_NOT_FOUND);
    }
    return v;
  }

  /** The variant must exist and its group must be linked to the content type. */
  static void checkLinked(EmulatorState s, String ct, String variantUid) {
    ObjectNode v = s.cmsVariants.get(variantUid);
    ObjectNode g = v == null ? null : s.variantGroups.get(Json.text(v, "variant_group_uid"));
    if (g == null || !VariantGroups.linked(g).containsKey(ct)) {
      throw ApiException.cma(
          EmulatorAssumptions.VARIANT_NOT_LINKED_STATUS,
          "The Variant '" + variantUid + "' does not belong to the Content Type '" + ct + "'.",
          EmulatorAssumptions.CMA_CODE_VARIANT_NOT_LINKED);
    }
  }

  private Response upsert(EmulatorState s, Request q) {
    String ct = q.param("ct");
    String variantUid = q.param("variant");
    ObjectNode base = Entries.entry(s, ct, q.param("entry"));
    checkLinked(s, ct, variantUid);
    JsonNode sent = q.object().get("entry");
    if (sent == null || !sent.isObject()) {
      throw ApiException.cma(
          422,
          "Entry is required.",
          EmulatorAssumptions.CMA_CODE_VALIDATION,
          "entry",
          "is required.");
    }
    ObjectNode fields = Json.object();
    Iterator<Map.Entry<String, JsonNode>> it = sent.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      if (!EmulatorAssumptions.SYSTEM_FIELDS.contains(f.getKey())) {
        fields.set(f.getKey(), f.getValue().deepCopy());
      }
    }
    String key = key(q);
    ObjectNode existing = s.entryVariants.get(key);
    boolean created = existing == null;
    ObjectNode rec = created ? Json.object() : existing;
    if (created) {
      rec.put("content_type", ct);
      rec.put("entry_uid", base.path("uid").asText());
      rec.put("locale", locale(q));
      rec.put("variant_uid", variantUid);
      rec.put("instance_uid", Ids.blt());
      rec.put("created_at", Json.now());
      rec.put("_version", EmulatorAssumptions.FIRST_VARIANT_VERSION);
    } else {
      rec.put("_version", rec.path("_version").asInt() + 1);
    }
    rec.set("fields", fields);
    rec.put("base_entry_version", base.path("_version").asInt(1));
    JsonNode order = sent.path("_variant").get("_order");
    if (order != null) {
      rec.set("order", order.deepCopy());
    }
    rec.put("updated_at", Json.now());
    ObjectNode version = Json.object();
    version.put("_version", rec.path("_version").asInt());
    version.put("locale", rec.path("locale").asText());
    version.put("created_at", rec.path("updated_at").asText());
    version.set("_change_set", Json.array(ChangeSet.compute(base, fields)));
    if (!rec.has("history")) rec.set("history", Json.array());
    ((com.fasterxml.jackson.databind.node.ArrayNode) rec.get("history")).add(version);
    s.entryVariants.put(key, rec);
    ObjectNode body = Json.object();
    body.put(
        "notice",
        created ? "Entry variant created successfully." : "Entry variant updated successfully.");
    body.set("entry", render(s, rec));
    return new Response(created ? EmulatorAssumptions.ENTRY_VARIANT_CREATED : 200, body);
  }

  /** Base entry overlaid with the variant's fields, plus _variant metadata. */
  static ObjectNode render(EmulatorState s, ObjectNode rec) {
    ObjectNode base =
        s.entries.get(rec.path("content_type").asText() + "/" + rec.path("entry_uid").asText());
    ObjectNode fields = (ObjectNode) rec.get("fields");
    ObjectNode out =
        EmulatorAssumptions.VARIANT_RESPONSE_MERGED && base != null
            ? base.deepCopy()
            : Json.object();
    out.setAll(fields.deepCopy());
    out.put("uid", rec.path("entry_uid").asText());
    out.put("locale", rec.path("locale").asText());
    out.put("_version", rec.path("_version").asInt());
    out.put("created_at", rec.path("created_at").asText());
    out.put("updated_at", rec.path("updated_at").asText());
    ObjectNode meta = out.putObject("_variant");
    meta.set("_change_set", Json.array(ChangeSet.compute(base, fields)));
    if (rec.has("order")) {
      meta.set("_order", rec.get("order"));
    }
    meta.put("_instance_uid", rec.path("instance_uid").asText());
    meta.put("_uid", rec.path("variant_uid").asText());
    meta.put("_base_entry_version", rec.path("base_entry_version").asInt());
    return out;
  }
}
