package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/** Renders the experience summary that GET /experiences[/{uid}] returns. */
final class ExperienceView {
  private ExperienceView() {}

  static ObjectNode summary(ExperienceRecord e) {
    ObjectNode n = Json.object();
    n.put("uid", e.uid);
    n.put("name", e.name);
    n.put("description", e.description);
    n.put("__type", e.type);
    n.put("shortUid", e.shortUid);
    n.put("status", status(e));
    ObjectNode latest = latest(e);
    n.put("latestVersion", latest == null ? null : Json.text(latest, "uid"));
    if (e.cmsVariantGroup != null || !EmulatorAssumptions.CMS_FIELD_ABSENT_UNTIL_SYNC) {
      ObjectNode cms = n.putObject("_cms");
      cms.put("variantGroup", e.cmsVariantGroup);
      ObjectNode vs = cms.putObject("variants");
      e.cmsVariants.forEach(vs::put);
    }
    Set<String> aud = new LinkedHashSet<>();
    Set<String> lytics = new LinkedHashSet<>();
    ObjectNode referring = EmulatorAssumptions.REFERRED_FROM_LATEST_VERSION ? latest : live(e);
    if (referring != null) {
      for (JsonNode v : referring.path("variants")) {
        v.path("audiences").forEach(a -> aud.add(a.asText()));
        v.path("lyticsAudiences").forEach(a -> lytics.add(a.asText()));
      }
      referring
          .path("targeting")
          .path("audience")
          .path("audiences")
          .forEach(a -> aud.add(a.asText()));
    }
    n.set("referredAudiences", Json.array(aud));
    n.set("referredLyticsAudiences", Json.array(lytics));
    n.set("tags", Json.array(e.tags));
    n.put("createdAt", e.createdAt);
    n.put("updatedAt", e.updatedAt);
    return n;
  }

  static String status(ExperienceRecord e) {
    for (String s : EmulatorAssumptions.STATUS_PRECEDENCE) {
      if (e.versions.stream().anyMatch(v -> s.equals(Json.text(v, "status")))) {
        return s;
      }
    }
    return "DRAFT";
  }

  /** The ACTIVE version, else the PAUSED one, else the latest. */
  static ObjectNode live(ExperienceRecord e) {
    for (String st : EmulatorAssumptions.STATUS_PRECEDENCE) {
      for (ObjectNode v : e.versions) {
        if (st.equals(Json.text(v, "status"))) {
          return v;
        }
      }
    }
    return latest(e);
  }

  static ObjectNode latest(ExperienceRecord e) {
    return e.versions.isEmpty() ? null : e.versions.get(e.versions.size() - 1);
  }

  static ArrayNode versions(ExperienceRecord e) {
    ArrayNode a = Json.array();
    e.versions.forEach(a::add);
    return a;
  }
}
