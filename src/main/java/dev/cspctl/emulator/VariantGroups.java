package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CMA variant groups: list with filters, and content-type linking in both known forms. */
final class VariantGroups {
  static final String REQUIRED_MESSAGE = "Name or content types is required";
  private final Store store;

  VariantGroups(Store store) {
    this.store = store;
  }

  void register(Router r) {
    r.add("GET", "/v3/variant_groups", q -> store.locked(s -> Response.ok(list(s, q))));
    r.add(
        "GET",
        "/v3/variant_groups/{uid}",
        q ->
            store.locked(
                s -> {
                  ObjectNode body = Json.object();
                  body.set("variant_group", render(s, find(s, q.param("uid")), true));
                  return Response.ok(body);
                }));
    r.add("PUT", "/v3/variant_groups/{uid}", q -> store.locked(s -> Response.ok(replace(s, q))));
    r.add(
        "PUT",
        "/v3/variant_groups/{uid}/variants",
        q -> store.locked(s -> Response.ok(link(s, q))));
    r.add(
        "GET",
        "/v3/variant_groups/{uid}/variants",
        q ->
            store.locked(
                s -> {
                  ObjectNode g = find(s, q.param("uid"));
                  List<ObjectNode> variants = new ArrayList<>();
                  render(s, g, true).path("variants").forEach(v -> variants.add((ObjectNode) v));
                  return Response.ok(
                      Paging.page(
                          q,
                          "variants",
                          variants,
                          EmulatorAssumptions.VARIANT_GROUP_DEFAULT_LIMIT));
                }));
  }

  /**
   * {@code asc=<field>} or {@code desc=<field>} (created_at, updated_at, name, uid); unsorted:
   * creation order.
   */
  static void sort(List<ObjectNode> items, Request q) {
    String asc = q.query("asc", null);
    String desc = q.query("desc", null);
    String field = asc != null ? asc : desc;
    if (field == null) return;
    if (!EmulatorAssumptions.SORT_FIELDS.contains(field)) {
      throw ApiException.cma(
          422,
          "Sorting by '" + field + "' is not supported.",
          EmulatorAssumptions.CMA_CODE_VALIDATION,
          asc != null ? "asc" : "desc",
          "is not valid.");
    }
    java.util.Comparator<ObjectNode> byField =
        java.util.Comparator.comparing(n -> n.path(field).asText(""));
    items.sort(asc != null ? byField : byField.reversed());
  }

  private ObjectNode list(EmulatorState s, Request q) {
    String exp = q.query("experience_uid", null);
    String ct = q.query("content_type", null);
    boolean withVariants = q.flag("include_variant_info");
    List<ObjectNode> all = new ArrayList<>();
    for (ObjectNode g : s.variantGroups.values()) {
      if (exp != null
          && !exp.equals(g.path("personalize_metadata").path("experience_uid").asText())) {
        continue;
      }
      if (ct != null && !linked(g).containsKey(ct)) {
        continue;
      }
      all.add(render(s, g, withVariants));
    }
    sort(all, q);
    return Paging.page(q, "variant_groups", all, EmulatorAssumptions.VARIANT_GROUP_DEFAULT_LIMIT);
  }

  static ObjectNode find(EmulatorState s, String uid) {
    ObjectNode g = s.variantGroups.get(uid);
    if (g == null) {
      throw ApiException.cma(
          404, "Variant Group was not found.", EmulatorAssumptions.CMA_CODE_NOT_FOUND);
    }
    return g;
  }

  static ObjectNode render(EmulatorState s, ObjectNode g, boolean withVariants) {
    ObjectNode out = g.deepCopy();
    ArrayNode vs = Json.array();
    String uid = g.path("uid").asText();
    s.cmsVariants.values().stream()
        .filter(v -> uid.equals(Json.text(v, "variant_group_uid")))
        .forEach(vs::add);
    out.put("variant_count", vs.size());
    if (withVariants) {
      out.set("variants", vs);
    }
    return out;
  }

  /** PUT /variant_groups/{uid} {name, content_types}: replaces the linked set. */
  private ObjectNode replace(EmulatorState s, Request q) {
    ObjectNode g = find(s, q.param("uid"));
    ObjectNode body = q.object();
    JsonNode cts = body.get("content_types");
    if (Json.text(body, "name") == null || cts == null || !cts.isArray()) {
      throw ApiException.cma(
          EmulatorAssumptions.GROUP_UPDATE_INVALID_STATUS,
          REQUIRED_MESSAGE,
          EmulatorAssumptions.CMA_CODE_VALIDATION);
    }
    Map<String, String> next = new LinkedHashMap<>();
    for (JsonNode ct : cts) {
      String status = ct.path("status").asText("linked");
      if ("linked".equals(status)) {
        next.put(contentType(s, ct), "linked");
      }
    }
    store(g, next);
    if (EmulatorAssumptions.GROUP_NAME_EDITABLE) {
      g.put("name", body.get("name").asText());
    }
    ObjectNode out = Json.object();
    out.put("notice", "Variant Group updated successfully");
    out.set("variant_group", render(s, g, true));
    return out;
  }

  /**
   * PUT /variant_groups/{uid}/variants {content_types:[{uid,status}],uid,branches}: incremental.
   */
  private ObjectNode link(EmulatorState s, Request q) {
    ObjectNode g = find(s, q.param("uid"));
    JsonNode cts = q.object().get("content_types");
    if (cts == null || !cts.isArray() || cts.isEmpty()) {
      throw ApiException.cma(
          EmulatorAssumptions.GROUP_UPDATE_INVALID_STATUS,
          REQUIRED_MESSAGE,
          EmulatorAssumptions.CMA_CODE_VALIDATION);
    }
    Map<String, String> next = linked(g);
    for (JsonNode ct : cts) {
      String uid = contentType(s, ct);
      String status = ct.path("status").asText("linked");
      if ("unlinked".equals(status)) {
        next.remove(uid);
      } else if ("linked".equals(status)) {
        next.put(uid, "linked");
      } else {
        throw ApiException.cma(
            422, "status must be linked or unlinked", EmulatorAssumptions.CMA_CODE_VALIDATION);
      }
    }
    store(g, next);
    ObjectNode out = render(s, g, true);
    out.put("message", "Variant Group and Variants updated successfully");
    return out;
  }

  private static String contentType(EmulatorState s, JsonNode ct) {
    String uid = Json.text(ct, "uid");
    if (uid == null || !s.contentTypes.containsKey(uid)) {
      throw ApiException.cma(
          422,
          "The Content Type '" + uid + "' was not found. Please try again.",
          EmulatorAssumptions.CMA_CODE_NOT_FOUND);
    }
    return uid;
  }

  static Map<String, String> linked(ObjectNode g) {
    Map<String, String> m = new LinkedHashMap<>();
    g.path("content_types")
        .forEach(ct -> m.put(ct.path("uid").asText(), ct.path("status").asText()));
    return m;
  }

  private static void store(ObjectNode g, Map<String, String> cts) {
    ArrayNode a = Json.array();
    cts.forEach((uid, st) -> a.addObject().put("uid", uid).put("status", st));
    g.set("content_types", a);
    g.put("updated_at", Json.now());
  }
}
