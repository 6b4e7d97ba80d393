package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Bulk and single-entry publishing; records the published version per target. */
final class Publishing {
  static final int MAX_BULK = 10;
  private final Store store;

  Publishing(Store store) {
    this.store = store;
  }

  void register(Router r) {
    r.add("POST", "/v3/bulk/publish", q -> store.locked(s -> bulk(s, q)));
    r.add(
        "POST",
        "/v3/content_types/{ct}/entries/{entry}/publish",
        q -> store.locked(s -> single(s, q)));
    r.add("GET", "/v3/bulk/jobs/{job}", q -> store.locked(s -> job(s, q.param("job"))));
    r.add("GET", "/v3/bulk/jobs/{job}/items", q -> store.locked(s -> jobItems(s, q)));
  }

  /**
   * [inf] A job's items: one per published or unpublished target, shaped like the publish records.
   */
  private static Response jobItems(EmulatorState s, Request q) {
    String id = q.param("job");
    List<ObjectNode> items = new ArrayList<>();
    for (ObjectNode e : s.publishEvents) {
      if (!id.equals(Json.text(e, "job_id"))) continue;
      ObjectNode item = Json.object();
      item.put("uid", Json.text(e, "entry_uid"));
      item.put("content_type", Json.text(e, "content_type"));
      item.put("locale", Json.text(e, "locale"));
      item.put("environment", Json.text(e, "environment"));
      if (e.hasNonNull("variant_uid")) item.put("variant_uid", Json.text(e, "variant_uid"));
      item.put("version", e.path("version").asInt());
      item.put("action", e.path("action").asText("publish"));
      item.put("status", "success");
      items.add(item);
    }
    if (items.isEmpty()) {
      throw ApiException.cma(404, "Job was not found.", EmulatorAssumptions.CMA_CODE_NOT_FOUND);
    }
    return Response.ok(
        Paging.page(q, "items", items, EmulatorAssumptions.ENTRY_VARIANT_DEFAULT_LIMIT));
  }

  /** [inf] Jobs complete synchronously: status "completed" with the number of published items. */
  private static Response job(EmulatorState s, String id) {
    long items = s.publishEvents.stream().filter(e -> id.equals(Json.text(e, "job_id"))).count();
    if (items == 0) {
      throw ApiException.cma(404, "Job was not found.", EmulatorAssumptions.CMA_CODE_NOT_FOUND);
    }
    ObjectNode body = Json.object();
    ObjectNode job = body.putObject("job");
    job.put("uid", id);
    job.put("status", "completed");
    job.put("items", items);
    return Response.ok(body);
  }

  private Response bulk(EmulatorState s, Request q) {
    ObjectNode body = q.object();
    JsonNode entries = body.path("entries");
    List<String> locales = strings(body.path("locales"), "locales");
    List<String> envs = environments(s, strings(body.path("environments"), "environments"));
    checkBulkEntries(entries, q);
    String job = UUID.randomUUID().toString();
    List<Runnable> writes = new ArrayList<>();
    for (JsonNode item : entries) {
      String ct = Json.text(item, "content_type");
      String uid = Json.text(item, "uid");
      ObjectNode base = Entries.entry(s, ct, uid);
      int version = item.path("version").asInt(base.path("_version").asInt(1));
      List<String> variants = bulkVariants(item);
      JsonNode rules = item.path("variant_rules");
      for (String locale : locales) {
        for (String env : envs) {
          if (publishBase(s, !variants.isEmpty(), rules, ct, uid, locale, env)) {
            writes.add(() -> record(s, job, "bulk", ct, uid, locale, null, env, version));
          }
          if (EmulatorAssumptions.BULK_PUBLISHES_VARIANTS) {
            for (String vu : variants) {
              int vv = variantVersion(s, ct, uid, locale, vu, null);
              writes.add(() -> record(s, job, "bulk", ct, uid, locale, vu, env, vv));
            }
          }
        }
      }
    }
    writes.forEach(Runnable::run);
    ObjectNode out = Json.object();
    out.put(
        "notice",
        "Your bulk publish request is in progress. Please check publish queue for more details.");
    out.put("job_id", job);
    return Response.ok(out);
  }

  private Response single(EmulatorState s, Request q) {
    String ct = q.param("ct");
    String uid = q.param("entry");
    ObjectNode base = Entries.entry(s, ct, uid);
    JsonNode e = q.object().path("entry");
    JsonNode variants = e.path("variants");
    boolean hasVariants = variants.isArray() && !variants.isEmpty();
    if (hasVariants) requireVariantApiVersion(q);
    List<String> envs = environments(s, strings(e.path("environments"), "environments"));
    List<String> locales =
        e.path("locales").isArray() && !e.path("locales").isEmpty()
            ? strings(e.path("locales"), "locales")
            : strings(
                Json.array(
                    List.of(q.object().path("locale").asText(EmulatorAssumptions.DEFAULT_LOCALE))),
                "locales");
    JsonNode rules = e.path("variant_rules");
    String job = UUID.randomUUID().toString();
    List<Runnable> writes = new ArrayList<>();
    int baseVersion = base.path("_version").asInt(1);
    for (String locale : locales) {
      for (String env : envs) {
        if (publishBase(s, hasVariants, rules, ct, uid, locale, env)) {
          writes.add(() -> record(s, job, "entry", ct, uid, locale, null, env, baseVersion));
        }
        if (hasVariants) {
          for (JsonNode v : variants) {
            String vu = v.path("uid").asText();
            int vv = variantVersion(s, ct, uid, locale, vu, v.get("version"));
            writes.add(() -> record(s, job, "entry", ct, uid, locale, vu, env, vv));
          }
        }
      }
    }
    writes.forEach(Runnable::run);
    ObjectNode out = Json.object();
    out.put("notice", "The requested action has been performed.");
    out.put("job_id", job);
    return Response.ok(out);
  }

  /**
   * Whether the base entry goes out with its variants: always without variants, else by the {@code
   * variant_rules}. A bulk item without {@code variant_rules} publishes the base too ([inf]).
   */
  private static boolean publishBase(
      EmulatorState s,
      boolean hasVariants,
      JsonNode rules,
      String ct,
      String uid,
      String locale,
      String env) {
    if (!hasVariants || rules.isMissingNode() || rules.isNull()) return true;
    return rules.path("publish_latest_base").asBoolean(false)
        || (rules.path("publish_latest_base_conditionally").asBoolean(false)
            && EmulatorAssumptions.CONDITIONAL_BASE_IF_UNPUBLISHED
            && !s.published.containsKey(EmulatorState.publishKey(ct, uid, locale, null, env)));
  }

  /**
   * The variant uids of a bulk item: {@code variants:[{uid}]} (Contentstack's CLI) or {@code
   * variant_uid}.
   */
  static List<String> bulkVariants(JsonNode item) {
    List<String> variants = new ArrayList<>();
    item.path("variants").forEach(v -> variants.add(v.path("uid").asText()));
    if (item.hasNonNull("variant_uid")) variants.add(item.get("variant_uid").asText());
    return variants;
  }

  static void checkBulkEntries(JsonNode entries, Request q) {
    if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_BULK) {
      throw invalid(
          "entries",
          "You can bulk publish or unpublish at most " + MAX_BULK + " entries in one request.");
    }
    if (EmulatorAssumptions.BULK_VARIANTS_NEED_API_VERSION) {
      for (JsonNode item : entries) {
        if (!bulkVariants(item).isEmpty()) requireVariantApiVersion(q);
      }
    }
  }

  static void requireVariantApiVersion(Request q) {
    if (!EmulatorAssumptions.PUBLISH_API_VERSION.equals(q.header("api_version"))) {
      throw ApiException.cma(
          EmulatorAssumptions.PUBLISH_API_VERSION_STATUS,
          "Publishing entry variants requires the header api_version: "
              + EmulatorAssumptions.PUBLISH_API_VERSION
              + ".",
          EmulatorAssumptions.CMA_CODE_VALIDATION,
          "api_version",
          "is required.");
    }
  }

  static int variantVersion(
      EmulatorState s, String ct, String uid, String locale, String vu, JsonNode sent) {
    ObjectNode rec = s.entryVariants.get(EntryVariants.key(ct, uid, locale, vu));
    if (rec == null) {
      throw ApiException.cma(
          422,
          "The entry variant '"
              + vu
              + "' does not exist for entry '"
              + uid
              + "' in locale '"
              + locale
              + "'.",
          EmulatorAssumptions.CMA_CODE_NOT_FOUND,
          "variants",
          "is not valid.");
    }
    int current = rec.path("_version").asInt();
    if (sent != null && sent.canConvertToInt() && (sent.asInt() < 1 || sent.asInt() > current)) {
      throw ApiException.cma(
          422,
          "Version " + sent.asInt() + " of entry variant '" + vu + "' does not exist.",
          EmulatorAssumptions.CMA_CODE_VALIDATION,
          "version",
          "is not valid.");
    }
    return sent != null && sent.canConvertToInt() ? sent.asInt() : current;
  }

  static void record(
      EmulatorState s,
      String job,
      String via,
      String ct,
      String uid,
      String locale,
      String variant,
      String env,
      int version) {
    ObjectNode ev = Json.object();
    ev.put("job_id", job);
    ev.put("via", via);
    ev.put("content_type", ct);
    ev.put("entry_uid", uid);
    ev.put("locale", locale);
    ev.put("variant_uid", variant);
    ev.put("environment", env);
    ev.put("version", version);
    ev.put("published_at", Json.now());
    s.published.put(EmulatorState.publishKey(ct, uid, locale, variant, env), ev);
    s.publishEvents.add(ev);
  }

  /**
   * Environment names (given by name or uid); an unknown one is refused before anything is
   * published.
   */
  static List<String> environments(EmulatorState s, List<String> refs) {
    return refs.stream().map(r -> Json.text(StackSettings.environment(s, r), "name")).toList();
  }

  static List<String> strings(JsonNode arr, String field) {
    if (!arr.isArray() || arr.isEmpty() || arr.size() > MAX_BULK) {
      throw invalid(field, field + " must hold between 1 and " + MAX_BULK + " values.");
    }
    List<String> out = new ArrayList<>();
    arr.forEach(v -> out.add(v.asText()));
    return out;
  }

  static ApiException invalid(String field, String message) {
    return ApiException.cma(422, message, EmulatorAssumptions.CMA_CODE_VALIDATION, field, message);
  }
}
