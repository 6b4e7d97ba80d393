package dev.cspctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.cma.BulkEntry;
import dev.cspctl.api.cma.CmaClient;
import dev.cspctl.api.cma.ContentTypeLink;
import dev.cspctl.api.cma.EntryVariant;
import dev.cspctl.api.cma.VariantGroup;
import dev.cspctl.api.cma.VariantRef;
import dev.cspctl.plan.Step;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CMA steps: link content types to an experience's variant group, write entry variants (the
 * spec's fields merged over what the variant already holds, so fields cspctl does not manage
 * are kept), publish them, and rewrite them when activation changed a CMS variant uid.
 */
final class ContentSteps {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final ApplyContext ctx;
  /** Entry variant writes of this run, per experience, for {@link #rewrite}. */
  private final Map<String, List<JsonNode>> written = new ConcurrentHashMap<>();

  private final VariantUids variants;

  ContentSteps(ApplyContext ctx, VariantUids variants) {
    this.ctx = ctx;
    this.variants = variants;
  }

  String run(Step step) {
    JsonNode a = step.args();
    String experience = a.path("experience").asText();
    CmaClient cma = ctx.cma().about(StepRunner.ref("experience", experience));
    return switch (step.type()) {
      case LINK_CONTENT_TYPES -> link(cma, experience, a);
      case UPSERT_ENTRY_VARIANT -> {
        String uid = upsert(cma, experience, a);
        written.computeIfAbsent(experience, k -> new CopyOnWriteArrayList<>()).add(a);
        yield "variant " + uid;
      }
      case PUBLISH_ENTRY_VARIANTS -> publish(cma, experience, a);
      case DELETE_ENTRY_VARIANT -> {
        cma.deleteEntryVariant(a.path("contentType").asText(), a.path("entry").asText(), a.path("variantUid").asText(),
            a.path("locale").asText());
        yield "deleted";
      }
      default -> throw new IllegalArgumentException(step.type().name());
    };
  }

  private String groupUid(String experience) {
    String group = ctx.uids().variantGroups.get(experience);
    if (group != null) return group;
    String uid = UidRegistry.require(ctx.uids().experiences, "experience", experience);
    var e = ctx.personalize().getExperience(uid);
    if (e.cms() == null || e.cms().variantGroup() == null) {
      throw new ApplyException("experience '" + experience + "' has no CMS variant group yet");
    }
    ctx.uids().variantGroups.put(experience, e.cms().variantGroup());
    ctx.uids().cmsVariants.put(experience, new ConcurrentHashMap<>(e.cms().variants()));
    return e.cms().variantGroup();
  }

  private String link(CmaClient cma, String experience, JsonNode a) {
    String groupUid = groupUid(experience);
    VariantGroup group = cma.listAllVariantGroups().stream().filter(g -> groupUid.equals(g.uid())).findFirst()
        .orElseThrow(() -> new ApplyException("variant group " + groupUid + " of experience '" + experience + "' not found"));
    Set<String> linked = new TreeSet<>();
    for (ContentTypeLink l : group.contentTypes()) if (ContentTypeLink.LINKED.equals(l.status())) linked.add(l.uid());
    Set<String> wanted = new TreeSet<>(linked);
    a.path("contentTypes").forEach(n -> wanted.add(n.asText()));
    if (wanted.equals(linked)) return "already linked";
    List<ContentTypeLink> links = wanted.stream().map(ct -> new ContentTypeLink(ct, ContentTypeLink.LINKED)).toList();
    cma.linkContentTypes(groupUid, group.name(), links);
    return "linked " + String.join(", ", wanted);
  }

  private String upsert(CmaClient cma, String experience, JsonNode a) {
    String ct = a.path("contentType").asText();
    String entry = a.path("entry").asText();
    String locale = a.path("locale").asText();
    String variantUid = variants.cmsUid(experience, a.path("variant").asText());
    // A CMS variant made by this apply has no content yet: skip the read (one CMA read per
    // entry variant of a new experience; half of the CMA requests of an apply from empty).
    ObjectNode body = ctx.uids().cmsVariantsAtPlanTime.contains(variantUid)
        ? existingFields(cma, ct, entry, variantUid, locale) : JSON.objectNode();
    merge(body, a.path("fields"));
    ObjectNode variantBlock = body.putObject("_variant");
    var changeSet = variantBlock.putArray("_change_set");
    paths("", a.path("fields")).forEach(changeSet::add);
    cma.upsertEntryVariant(ct, entry, variantUid, locale, body);
    return variantUid;
  }

  private static ObjectNode existingFields(CmaClient cma, String ct, String entry, String variantUid, String locale) {
    try {
      EntryVariant existing = cma.getEntryVariant(ct, entry, variantUid, locale);
      ObjectNode fields = existing.entry().deepCopy();
      for (String system : List.of("_variant", "uid", "locale", "_version", "created_at", "updated_at", "created_by",
          "updated_by", "ACL", "_in_progress", "publish_details", "_metadata", "tags")) {
        fields.remove(system);
      }
      return fields;
    } catch (RemoteApiException e) {
      if (e.status() == 404 || e.status() == 422) return JSON.objectNode();
      throw e;
    }
  }

  static void merge(ObjectNode target, JsonNode fields) {
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      var f = it.next();
      JsonNode existing = target.get(f.getKey());
      if (f.getValue().isObject() && existing != null && existing.isObject()) merge((ObjectNode) existing, f.getValue());
      else target.set(f.getKey(), f.getValue().deepCopy());
    }
  }

  private static List<String> paths(String prefix, JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fields().forEachRemaining(f -> {
      String p = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
      if (f.getValue().isObject() && f.getValue().size() > 0) out.addAll(paths(p, f.getValue()));
      else out.add(p);
    });
    return out;
  }

  private String publish(CmaClient cma, String experience, JsonNode a) {
    List<String> environments = new ArrayList<>();
    a.path("environments").forEach(n -> environments.add(n.asText()));
    Map<String, List<VariantRef>> byEntry = new LinkedHashMap<>();
    for (JsonNode item : a.path("items")) {
      String key = item.path("contentType").asText() + "\u0000" + item.path("entry").asText() + "\u0000" + item.path("locale").asText();
      byEntry.computeIfAbsent(key, k -> new ArrayList<>())
          .add(new VariantRef(variants.cmsUid(experience, item.path("variant").asText()), null));
    }
    if ("entry".equals(a.path("method").asText())) {
      for (var e : byEntry.entrySet()) {
        String[] k = e.getKey().split("\u0000");
        cma.publishEntryVariants(k[0], k[1], k[2], environments, List.of(k[2]), e.getValue());
      }
      return "published " + byEntry.size() + " entries (single-entry endpoint)";
    }
    List<BulkEntry> entries = new ArrayList<>();
    for (var e : byEntry.entrySet()) {
      String[] k = e.getKey().split("\u0000");
      entries.add(new BulkEntry(k[1], k[0], null, k[2], e.getValue()));
    }
    int requests = ctx.bulk().publish(entries, environments, StepRunner.ref("experience", experience)).requests();
    return "published " + entries.size() + " entries in " + requests + " bulk request(s)";
  }

  /** After activation changed CMS variant uids: write this run's content for those variants again. */
  int rewrite(String experience, Set<String> changedShortUids) {
    Map<String, String> shortUids = ctx.uids().shortUids.getOrDefault(experience, Map.of());
    int n = 0;
    List<JsonNode> rewritten = new ArrayList<>();
    for (JsonNode a : written.getOrDefault(experience, List.of())) {
      String s = shortUids.get(a.path("variant").asText());
      if (s != null && changedShortUids.contains(s)) {
        upsert(ctx.cma(), experience, a);
        rewritten.add(JSON.objectNode().put("variant", a.path("variant").asText()).put("contentType", a.path("contentType").asText())
            .put("entry", a.path("entry").asText()).put("locale", a.path("locale").asText()));
        n++;
      }
    }
    if (n > 0 && !ctx.publish().environments().isEmpty()) {
      ObjectNode args = JSON.objectNode().put("experience", experience).put("method", ctx.publish().method().name().toLowerCase());
      args.putArray("items").addAll(rewritten);
      ctx.publish().environments().forEach(args.putArray("environments")::add);
      publish(ctx.cma(), experience, args);
    }
    return n;
  }
}
