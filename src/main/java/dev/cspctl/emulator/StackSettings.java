package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's publishing environments and locales (seeded, read-only): {@code GET
 * /v3/environments}, {@code /v3/locales}.
 */
final class StackSettings {
  private final Store store;

  StackSettings(Store store) {
    this.store = store;
  }

  void register(Router r) {
    r.add(
        "GET",
        "/v3/environments",
        q ->
            store.locked(
                s ->
                    Response.ok(
                        Paging.page(
                            q,
                            "environments",
                            new ArrayList<>(s.environments.values()),
                            EmulatorAssumptions.MAX_LIMIT))));
    r.add(
        "GET",
        "/v3/locales",
        q ->
            store.locked(
                s ->
                    Response.ok(
                        Paging.page(
                            q,
                            "locales",
                            new ArrayList<>(s.locales.values()),
                            EmulatorAssumptions.MAX_LIMIT))));
  }

  /**
   * [inf] A new stack has these environments (uids are fixed so that saved states stay comparable).
   */
  static Map<String, ObjectNode> defaultEnvironments() {
    return environments(EmulatorAssumptions.DEFAULT_ENVIRONMENTS);
  }

  /** Environments of these names, with fixed uids in order. */
  static Map<String, ObjectNode> environments(List<String> names) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++)
      out.put(names.get(i), environment(String.format("blt%016x", 0xe0L + i), names.get(i)));
    return out;
  }

  /** [inf] A new stack has these locales; the first is the master locale. */
  static Map<String, ObjectNode> defaultLocales() {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    List<String> codes = EmulatorAssumptions.DEFAULT_LOCALES;
    for (int i = 0; i < codes.size(); i++) {
      ObjectNode l = locale(String.format("blt%016x", 0x10L + i), codes.get(i));
      if (i > 0) l.put("fallback_locale", codes.get(0));
      out.put(codes.get(i), l);
    }
    return out;
  }

  static ObjectNode environment(String uid, String name) {
    ObjectNode e = Json.object();
    e.put("uid", uid);
    e.put("name", name);
    e.set("urls", Json.array());
    return e;
  }

  static ObjectNode locale(String uid, String code) {
    ObjectNode l = Json.object();
    l.put("uid", uid);
    l.put("code", code);
    l.put("name", code);
    return l;
  }

  /** The environment named or uid'd {@code ref}, else a 422 as the CMA gives for an unknown one. */
  static ObjectNode environment(EmulatorState s, String ref) {
    ObjectNode byName = s.environments.get(ref);
    if (byName != null) return byName;
    return s.environments.values().stream()
        .filter(e -> ref.equals(Json.text(e, "uid")))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.cma(
                    422,
                    "Environment '" + ref + "' was not found.",
                    EmulatorAssumptions.CMA_CODE_NOT_FOUND,
                    "environments",
                    "is not valid."));
  }

  /**
   * {@code publish_details} of an entry variant: one item per environment it is published to in its
   * locale.
   */
  static List<ObjectNode> publishDetails(
      EmulatorState s, String ct, String entry, String locale, String variantUid) {
    String prefix = EmulatorState.publishKey(ct, entry, locale, variantUid, "");
    List<ObjectNode> out = new ArrayList<>();
    s.published.forEach(
        (k, ev) -> {
          if (!k.startsWith(prefix)) return;
          ObjectNode env = s.environments.get(Json.text(ev, "environment"));
          ObjectNode d = Json.object();
          d.put("environment", env == null ? Json.text(ev, "environment") : Json.text(env, "uid"));
          d.put("locale", locale);
          d.put("version", ev.path("version").asInt());
          d.put("time", Json.text(ev, "published_at"));
          d.put("user", "sandbox");
          out.add(d);
        });
    return out;
  }
}
