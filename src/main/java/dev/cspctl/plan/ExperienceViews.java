package dev.cspctl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.spec.EntryContent;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.ExperienceStatus;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Match;
import dev.cspctl.spec.Metric;
import dev.cspctl.spec.Variant;
import dev.cspctl.state.EntryKey;
import dev.cspctl.state.LiveEntryVariant;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveMetric;
import dev.cspctl.state.LiveVariant;
import dev.cspctl.state.LiveVersion;
import dev.cspctl.state.LiveVersionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The managed view of an experience, desired or live: what the planner compares and the plan shows.
 * Server-set fields (uids, shortUids, CMS uids, timestamps) never appear in it.
 */
final class ExperienceViews {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ExperienceViews() {}

  static ObjectNode desired(Experience e) {
    ObjectNode v = JSON.objectNode();
    v.put("name", e.name());
    v.put("description", e.description());
    v.put("type", e.type().yamlName());
    v.put("status", e.status().yamlName());
    v.set("contentTypes", sorted(e.contentTypes()));
    // Optional fields appear only when set, so plans of specs without them stay as they were.
    if (!e.tags().isEmpty()) v.set("tags", sorted(e.tags()));
    if (e.type() == ExperienceType.AB_TEST) {
      targetGroup(v, e.audiences(), e.match());
      if (e.equalSplit()) v.put("split", "equal");
    }
    ArrayNode variants = v.putArray("variants");
    for (Variant var : e.variants()) {
      ObjectNode o = variants.addObject();
      o.put("name", var.name());
      if (e.type() == ExperienceType.AB_TEST) {
        if (var.traffic() != null) o.put("traffic", var.traffic());
      } else {
        o.set("audiences", sorted(var.audiences()));
        o.set("lyticsAudiences", sorted(var.lyticsAudiences()));
        o.put("match", var.match().yamlName());
      }
      ArrayNode content = o.putArray("content");
      for (EntryContent c : var.content())
        content.add(content(c.contentType(), c.entry(), c.locale(), c.fields()));
    }
    ArrayNode metrics = v.putArray("metrics");
    for (Metric m : e.metrics())
      metrics.addObject().put("event", m.event()).put("primary", m.primary());
    return v;
  }

  /**
   * The live view, shaped like the desired one: entry content is projected onto the fields the spec
   * sets, and a live status that is "not serving" reads as the desired non-active status.
   */
  static ObjectNode live(LiveExperience e, Experience desired, LiveIndex index) {
    ObjectNode v = JSON.objectNode();
    v.put("name", e.name());
    v.put("description", Ownership.strip(e.description()));
    v.put("type", e.type().yamlName());
    v.put("status", liveStatus(e, desired == null ? null : desired.status()));
    List<String> linked =
        index.live.variantGroupOf(e).map(g -> g.linkedContentTypes()).orElse(List.of());
    v.set("contentTypes", sorted(linked));
    if (!e.tags().isEmpty()) v.set("tags", sorted(e.tags()));
    Optional<LiveVersion> version = e.currentVersion();
    boolean equal = version.map(x -> x.split() == LiveVersion.Split.EQUAL).orElse(false);
    if (e.type() == ExperienceType.AB_TEST && version.isPresent()) {
      List<String> names = new ArrayList<>();
      for (String uid : version.get().targetAudiences()) names.add(index.audienceName(uid));
      targetGroup(v, names, version.get().targetMatch());
      if (equal) v.put("split", "equal");
    }
    Map<String, Variant> desiredVariants = new HashMap<>();
    if (desired != null) for (Variant d : desired.variants()) desiredVariants.put(d.name(), d);
    ArrayNode variants = v.putArray("variants");
    for (LiveVariant lv : version.map(LiveVersion::variants).orElse(List.of())) {
      ObjectNode o = variants.addObject();
      o.put("name", lv.name());
      if (lv.type() == ExperienceType.AB_TEST) {
        if (!equal)
          o.put("traffic", lv.trafficDistribution() == null ? 0 : lv.trafficDistribution());
      } else {
        List<String> names = new ArrayList<>();
        for (String uid : lv.audiences()) names.add(index.audienceName(uid));
        o.set("audiences", sorted(names));
        o.set("lyticsAudiences", sorted(lv.lyticsAudiences()));
        o.put("match", lv.audienceMatch().yamlName());
      }
      ArrayNode content = o.putArray("content");
      Variant dv = desiredVariants.get(lv.name());
      String cmsUid =
          e.cms() == null || lv.shortUid() == null ? null : e.cms().variants().get(lv.shortUid());
      if (dv != null && cmsUid != null) {
        for (EntryContent c : dv.content()) {
          index
              .live
              .entryVariant(new EntryKey(c.contentType(), c.entry(), c.locale()), cmsUid)
              .ifPresent(
                  ev ->
                      content.add(
                          content(
                              c.contentType(),
                              c.entry(),
                              c.locale(),
                              project(ev.fields(), c.fields()))));
        }
      }
    }
    ArrayNode metrics = v.putArray("metrics");
    List<LiveMetric> liveMetrics = version.map(LiveVersion::metrics).orElse(List.of());
    for (LiveMetric m : liveMetrics) {
      metrics.addObject().put("event", index.eventKey(m.eventUid())).put("primary", m.primary());
    }
    return v;
  }

  /** An A/B test's target group; nothing for everyone. */
  private static void targetGroup(ObjectNode v, List<String> audiences, Match match) {
    if (audiences.isEmpty()) return;
    v.set("audiences", sorted(audiences));
    v.put("match", match.yamlName());
  }

  static boolean serving(LiveExperience e) {
    return e.versionWithStatus(LiveVersionStatus.ACTIVE).isPresent()
        || e.status() == LiveVersionStatus.ACTIVE;
  }

  private static String liveStatus(LiveExperience e, ExperienceStatus desired) {
    if (serving(e)) return "active";
    // draft and paused both mean "not serving": the API cannot return a version to draft.
    if (desired != null && desired != ExperienceStatus.ACTIVE) return desired.yamlName();
    return e.versionWithStatus(LiveVersionStatus.PAUSED).isPresent() ? "paused" : "draft";
  }

  static ObjectNode content(String ct, String entry, String locale, JsonNode fields) {
    ObjectNode o = JSON.objectNode();
    o.put("contentType", ct);
    o.put("entry", entry);
    o.put("locale", locale);
    o.set("fields", JsonNumbers.canonical(fields));
    return o;
  }

  /**
   * The live fields at the paths the desired fields set (mappings recursively, other values whole).
   */
  static JsonNode project(JsonNode live, JsonNode shape) {
    ObjectNode out = JSON.objectNode();
    if (live == null || !live.isObject()) return out;
    shape
        .fields()
        .forEachRemaining(
            f -> {
              JsonNode l = live.get(f.getKey());
              if (l == null) return;
              if (f.getValue().isObject() && l.isObject())
                out.set(f.getKey(), project(l, f.getValue()));
              else out.set(f.getKey(), l);
            });
    return out;
  }

  static ArrayNode sorted(List<String> values) {
    ArrayNode a = JSON.arrayNode();
    new TreeSet<>(values).forEach(a::add);
    return a;
  }

  /** Live entry variants of an experience (by its CMS variant uids). */
  static List<LiveEntryVariant> liveContent(LiveExperience e, LiveIndex index) {
    if (e.cms() == null) return List.of();
    var uids = new java.util.HashSet<>(e.cms().variants().values());
    return index.live.entryVariants().stream()
        .filter(ev -> uids.contains(ev.variantUid()))
        .toList();
  }
}
