package dev.cspctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.cma.BulkEntry;
import dev.cspctl.api.cma.CmaPort;
import dev.cspctl.api.cma.ContentTypeLink;
import dev.cspctl.api.cma.EntryVariant;
import dev.cspctl.api.cma.VariantGroup;
import dev.cspctl.api.cma.VariantRef;
import dev.cspctl.plan.Op;
import dev.cspctl.spec.PublishSettings;
import dev.cspctl.state.EntryFields;
import dev.cspctl.state.LiveVariantGroup;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * CMA steps: link content types to an experience's variant group, write entry variants (the spec's
 * fields merged over what the variant already holds, so fields cspctl does not manage are kept),
 * publish them, and rewrite them when activation changed a CMS variant uid.
 */
final class ContentSteps {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** What the entry (not the variant) carries: never written back into a variant. */
  private static final List<String> NOT_VARIANT_CONTENT = List.of("_metadata", "tags");

  private final ApplyContext ctx;

  ContentSteps(ApplyContext ctx) {
    this.ctx = ctx;
  }

  private CmaPort cma(String experience) {
    return ctx.cma().about(StepRunner.ref("experience", experience));
  }

  StepResult link(Op.LinkContentTypes op, Inputs in) {
    String experience = op.experience();
    CmaPort cma = cma(experience);
    StepResult.CmsSynced synced = in.cmsGroup(experience);
    String groupUid = synced.variantGroup();
    // the group as the plan read it, when it did (a live experience); else read it now
    Optional<LiveVariantGroup> known =
        in.live().variantGroupRecord(experience).filter(g -> g.uid().equals(groupUid));
    String groupName;
    List<ContentTypeLink> current;
    if (known.isPresent()) {
      groupName = known.get().name();
      current = known.get().contentTypes();
    } else {
      VariantGroup group =
          cma.listAllVariantGroups().stream()
              .filter(g -> groupUid.equals(g.uid()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ApplyException(
                          "variant group "
                              + groupUid
                              + " of experience '"
                              + experience
                              + "' not found"));
      groupName = group.name();
      current = group.contentTypes();
    }
    Set<String> linked = new TreeSet<>();
    for (ContentTypeLink l : current)
      if (ContentTypeLink.LINKED.equals(l.status())) linked.add(l.uid());
    Set<String> wanted = new TreeSet<>(linked);
    wanted.addAll(op.contentTypes());
    if (wanted.equals(linked))
      return new StepResult.CmsSynced(experience, groupUid, synced.cmsVariants(), "already linked");
    List<ContentTypeLink> links =
        wanted.stream().map(ct -> new ContentTypeLink(ct, ContentTypeLink.LINKED)).toList();
    cma.linkContentTypes(groupUid, groupName, links);
    return new StepResult.CmsSynced(
        experience, groupUid, synced.cmsVariants(), "linked " + String.join(", ", wanted));
  }

  StepResult upsert(Op.UpsertEntryVariant op, Inputs in) {
    String variantUid = in.cmsUid(op.experience(), op.variant());
    write(cma(op.experience()), op, variantUid, in.live());
    return new StepResult.EntryVariantWritten(op, variantUid, "variant " + variantUid);
  }

  private static void write(
      CmaPort cma, Op.UpsertEntryVariant op, String variantUid, LiveUids live) {
    // The plan read every variant of the entries the specs touch: merge over what it read. A CMS
    // variant made by this apply has no content yet; one the plan did not read is read now.
    Optional<JsonNode> read =
        live.entryVariantFields(op.contentType(), op.entry(), op.locale(), variantUid);
    ObjectNode body;
    if (read.isPresent() && read.get().isObject()) {
      body = EntryFields.content((ObjectNode) read.get());
      body.remove(NOT_VARIANT_CONTENT);
    } else if (live.existedAtPlanTime(variantUid)) {
      body = existingFields(cma, op.contentType(), op.entry(), variantUid, op.locale());
    } else {
      body = JSON.objectNode();
    }
    merge(body, op.fields());
    ObjectNode variantBlock = body.putObject("_variant");
    var changeSet = variantBlock.putArray("_change_set");
    paths("", op.fields()).forEach(changeSet::add);
    cma.upsertEntryVariant(op.contentType(), op.entry(), variantUid, op.locale(), body);
  }

  StepResult delete(Op.DeleteEntryVariant op) {
    cma(op.experience())
        .deleteEntryVariant(op.contentType(), op.entry(), op.variantUid(), op.locale());
    return new StepResult.Done("deleted");
  }

  private static ObjectNode existingFields(
      CmaPort cma, String ct, String entry, String variantUid, String locale) {
    try {
      EntryVariant existing = cma.getEntryVariant(ct, entry, variantUid, locale);
      // the content only, and not what the entry (not the variant) carries: its metadata and tags
      ObjectNode fields = EntryFields.content(existing.entry());
      fields.remove(NOT_VARIANT_CONTENT);
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
      if (f.getValue().isObject() && existing != null && existing.isObject())
        merge((ObjectNode) existing, f.getValue());
      else target.set(f.getKey(), f.getValue().deepCopy());
    }
  }

  private static List<String> paths(String prefix, JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fields()
        .forEachRemaining(
            f -> {
              String p = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
              if (f.getValue().isObject() && f.getValue().size() > 0)
                out.addAll(paths(p, f.getValue()));
              else out.add(p);
            });
    return out;
  }

  StepResult publish(Op.PublishEntryVariants op, Inputs in) {
    Map<EntryLocale, List<VariantRef>> byEntry = new LinkedHashMap<>();
    for (Op.PublishItem item : op.items()) {
      byEntry
          .computeIfAbsent(
              new EntryLocale(item.contentType(), item.entry(), item.locale()),
              k -> new ArrayList<>())
          .add(new VariantRef(in.cmsUid(op.experience(), item.variant()), null));
    }
    return new StepResult.Done(send(op.experience(), op.method(), byEntry, op.environments()));
  }

  private record EntryLocale(String contentType, String entry, String locale) {}

  /**
   * Single-entry publishes one by one; bulk ones through the queue that merges publishes ready
   * together.
   */
  private String send(
      String experience,
      PublishSettings.PublishMethod method,
      Map<EntryLocale, List<VariantRef>> byEntry,
      List<String> environments) {
    CmaPort cma = cma(experience);
    if (method == PublishSettings.PublishMethod.ENTRY) {
      for (var e : byEntry.entrySet()) {
        EntryLocale k = e.getKey();
        cma.publishEntryVariants(
            k.contentType(),
            k.entry(),
            k.locale(),
            environments,
            List.of(k.locale()),
            e.getValue());
      }
      return "published " + byEntry.size() + " entries (single-entry endpoint)";
    }
    List<BulkEntry> entries = new ArrayList<>();
    for (var e : byEntry.entrySet()) {
      EntryLocale k = e.getKey();
      entries.add(new BulkEntry(k.entry(), k.contentType(), null, k.locale(), e.getValue()));
    }
    int requests =
        ctx.bulk()
            .publish(entries, environments, StepRunner.ref("experience", experience))
            .requests();
    return "published " + entries.size() + " entries in " + requests + " bulk request(s)";
  }

  /**
   * After activation changed CMS variant uids: write this apply's content for those variants again
   * (the writes are the ancestors of the refresh step) and publish it.
   */
  int rewrite(String experience, Map<String, String> changedCmsUids, Inputs in) {
    Map<String, String> shortUids = in.shortUids(experience, null);
    Map<EntryLocale, List<VariantRef>> byEntry = new LinkedHashMap<>();
    int n = 0;
    List<StepResult.EntryVariantWritten> written =
        in.ancestors()
            .all(StepResult.EntryVariantWritten.class, w -> w.op().experience().equals(experience));
    for (StepResult.EntryVariantWritten w : written) {
      Op.UpsertEntryVariant op = w.op();
      String s = shortUids.get(op.variant());
      String newUid = s == null ? null : changedCmsUids.get(s);
      if (newUid == null) continue;
      write(ctx.cma(), op, newUid, in.live());
      byEntry
          .computeIfAbsent(
              new EntryLocale(op.contentType(), op.entry(), op.locale()), k -> new ArrayList<>())
          .add(new VariantRef(newUid, null));
      n++;
    }
    if (n > 0 && !ctx.publish().environments().isEmpty()) {
      send(experience, ctx.publish().method(), byEntry, ctx.publish().environments());
    }
    return n;
  }
}
