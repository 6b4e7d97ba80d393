package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Single-entry and bulk unpublish, mirroring publish: {@code POST …/entries/{uid}/unpublish}
 * (variants in {@code entry.variants} need {@code api_version: 3.2}) and {@code POST
 * /v3/bulk/unpublish} (items as bulk publish sends them).
 */
final class Unpublishing {
  private final Store store;

  Unpublishing(Store store) {
    this.store = store;
  }

  void register(Router r) {
    r.add(
        "POST",
        "/v3/content_types/{ct}/entries/{entry}/unpublish",
        q -> store.locked(s -> single(s, q)));
    r.add("POST", "/v3/bulk/unpublish", q -> store.locked(s -> bulk(s, q)));
  }

  private Response single(EmulatorState s, Request q) {
    String ct = q.param("ct");
    String uid = q.param("entry");
    Entries.entry(s, ct, uid);
    JsonNode e = q.object().path("entry");
    List<String> variants = new ArrayList<>();
    e.path("variants").forEach(v -> variants.add(v.path("uid").asText()));
    if (!variants.isEmpty()) Publishing.requireVariantApiVersion(q);
    List<String> envs = Publishing.strings(e.path("environments"), "environments");
    List<String> locales =
        e.path("locales").isArray() && !e.path("locales").isEmpty()
            ? Publishing.strings(e.path("locales"), "locales")
            : List.of(q.object().path("locale").asText(EmulatorAssumptions.DEFAULT_LOCALE));
    String job = UUID.randomUUID().toString();
    unpublish(s, job, "entry", ct, uid, locales, envs, variants);
    ObjectNode out = Json.object();
    out.put("notice", "The requested action has been performed.");
    out.put("job_id", job);
    return Response.ok(out);
  }

  private Response bulk(EmulatorState s, Request q) {
    ObjectNode body = q.object();
    JsonNode entries = body.path("entries");
    List<String> locales = Publishing.strings(body.path("locales"), "locales");
    List<String> envs = Publishing.strings(body.path("environments"), "environments");
    Publishing.checkBulkEntries(entries, q);
    for (JsonNode item : entries)
      Entries.entry(s, Json.text(item, "content_type"), Json.text(item, "uid"));
    String job = UUID.randomUUID().toString();
    for (JsonNode item : entries) {
      List<String> itemLocales =
          item.hasNonNull("locale") ? List.of(item.get("locale").asText()) : locales;
      unpublish(
          s,
          job,
          "bulk",
          Json.text(item, "content_type"),
          Json.text(item, "uid"),
          itemLocales,
          envs,
          Publishing.bulkVariants(item));
    }
    ObjectNode out = Json.object();
    out.put(
        "notice",
        "Your bulk unpublish request is in progress. Please check publish queue for more details.");
    out.put("job_id", job);
    return Response.ok(out);
  }

  /** Removes the published records: those variants, or the base (and, [inf], its variants). */
  private static void unpublish(
      EmulatorState s,
      String job,
      String via,
      String ct,
      String uid,
      List<String> locales,
      List<String> envs,
      List<String> variants) {
    for (String locale : locales) {
      for (String env : envs) {
        List<String> targets = new ArrayList<>(variants);
        if (variants.isEmpty()) {
          targets.add(null);
          if (EmulatorAssumptions.UNPUBLISH_BASE_TAKES_VARIANTS) {
            String prefix = ct + "/" + uid + "/" + locale + "/";
            String suffix = "/" + env;
            s.published.keySet().stream()
                .filter(
                    k ->
                        k.startsWith(prefix)
                            && k.endsWith(suffix)
                            && !k.equals(EmulatorState.publishKey(ct, uid, locale, null, env)))
                .map(k -> k.substring(prefix.length(), k.length() - suffix.length()))
                .toList()
                .forEach(targets::add);
          }
        }
        for (String variant : targets) {
          ObjectNode was =
              s.published.remove(EmulatorState.publishKey(ct, uid, locale, variant, env));
          if (was == null && !EmulatorAssumptions.UNPUBLISH_UNPUBLISHED_IS_OK) {
            throw ApiException.cma(
                422,
                "The entry is not published in '" + env + "'.",
                EmulatorAssumptions.CMA_CODE_VALIDATION);
          }
          ObjectNode ev = Json.object();
          ev.put("job_id", job);
          ev.put("via", via);
          ev.put("action", "unpublish");
          ev.put("content_type", ct);
          ev.put("entry_uid", uid);
          ev.put("locale", locale);
          ev.put("variant_uid", variant);
          ev.put("environment", env);
          ev.put("version", was == null ? 0 : was.path("version").asInt());
          ev.put("published_at", Json.now());
          s.publishEvents.add(ev);
        }
      }
    }
  }
}
