package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The asynchronous Personalize -> CMS sync: after a version gets variants, and after the configured
 * delay, create the experience's variant group and one CMS variant per new shortUid. Runs lazily
 * under the store lock before every request, so due times survive save/load.
 */
final class CmsSync {
  private final String projectUid;
  private final long delayMs;

  CmsSync(String projectUid, long delayMs) {
    this.projectUid = projectUid;
    this.delayMs = delayMs;
  }

  /** Schedule CMS variants for shortUids that have none and are not already pending. */
  void schedule(EmulatorState s, ExperienceRecord exp, Map<String, String> shortUidToName) {
    Map<String, String> fresh = new LinkedHashMap<>();
    shortUidToName.forEach(
        (k, v) -> {
          boolean pending =
              s.pendingSyncs.stream()
                  .anyMatch(p -> p.experienceUid.equals(exp.uid) && p.variants.containsKey(k));
          if (!exp.cmsVariants.containsKey(k) && !pending) {
            fresh.put(k, v);
          }
        });
    if (!fresh.isEmpty()) {
      s.pendingSyncs.add(new PendingSync(exp.uid, System.currentTimeMillis() + delayMs, fresh));
    }
  }

  void runDue(EmulatorState s, long now) {
    Iterator<PendingSync> it = s.pendingSyncs.iterator();
    while (it.hasNext()) {
      PendingSync p = it.next();
      if (p.dueAtEpochMs > now) {
        continue;
      }
      it.remove();
      ExperienceRecord exp = s.experiences.get(p.experienceUid);
      if (exp != null) {
        apply(s, exp, p.variants);
      }
    }
  }

  private void apply(EmulatorState s, ExperienceRecord exp, Map<String, String> variants) {
    String now = Json.now();
    if (exp.cmsVariantGroup == null) {
      ObjectNode g = Json.object();
      String uid = Ids.cms();
      g.put("uid", uid);
      g.put("name", uniqueName(s, exp.name));
      g.set("content_types", Json.array());
      ObjectNode meta = g.putObject("personalize_metadata");
      meta.put("project_uid", s.projectUid() == null ? projectUid : s.projectUid());
      meta.put("experience_uid", exp.uid);
      meta.put("experience_short_uid", exp.shortUid);
      meta.put("status", "linked");
      g.set("branches", Json.array(java.util.List.of("main")));
      g.putNull("created_by");
      g.put("updated_by", "blt" + "0000000000000000");
      g.put("created_at", now);
      g.put("updated_at", now);
      s.variantGroups.put(uid, g);
      exp.cmsVariantGroup = uid;
    }
    variants.forEach(
        (shortUid, name) -> {
          if (exp.cmsVariants.containsKey(shortUid)) {
            return;
          }
          ObjectNode v = Json.object();
          String uid = Ids.cms();
          v.put("uid", uid);
          v.put("name", name == null ? "Variant " + shortUid : name);
          v.put("variant_group_uid", exp.cmsVariantGroup);
          ObjectNode meta = v.putObject("personalize_metadata");
          meta.put("project_uid", s.projectUid() == null ? projectUid : s.projectUid());
          meta.put("experience_uid", exp.uid);
          meta.put("experience_short_uid", exp.shortUid);
          meta.put("variant_short_uid", shortUid);
          v.put("alias", "cs_personalize_" + exp.shortUid + "_" + shortUid);
          v.put("created_at", now);
          v.put("updated_at", now);
          s.cmsVariants.put(uid, v);
          exp.cmsVariants.put(shortUid, uid);
        });
  }

  private static String uniqueName(EmulatorState s, String name) {
    String candidate = name;
    for (int n = 1; taken(s, candidate); n++) {
      candidate = EmulatorAssumptions.clashingGroupName(name, n);
    }
    return candidate;
  }

  private static boolean taken(EmulatorState s, String name) {
    return s.variantGroups.values().stream().anyMatch(g -> name.equals(Json.text(g, "name")));
  }
}
