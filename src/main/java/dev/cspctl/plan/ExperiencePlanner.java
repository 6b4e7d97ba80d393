package dev.cspctl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.spec.EntryContent;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.ExperienceStatus;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Kind;
import dev.cspctl.spec.Metric;
import dev.cspctl.spec.PublishSettings;
import dev.cspctl.spec.ResourceKey;
import dev.cspctl.spec.Variant;
import dev.cspctl.state.LiveEntryVariant;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveVersion;
import dev.cspctl.state.LiveVersionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans one experience: its metadata, its version (variants, audiences, traffic, metrics), the
 * variant group's content types, entry variant content, publishing and status, as the chain of
 * steps of the product brief. A change to the variants of an ACTIVE experience becomes a new
 * version without downtime: a draft beside the active version, keeping existing shortUids,
 * configured, its content written and published, then activated (which archives the old one).
 */
final class ExperiencePlanner {
  private final PlanContext ctx;
  private final PlanPart.Builder out;
  private final Map<String, StepId> audienceWriters;
  private final Map<String, StepId> eventWriters;
  private final ContentComparison content;

  /**
   * @param out where this planner's changes and steps go
   * @param audienceWriters audience name → the step that writes it (a version naming it waits for
   *     it)
   * @param eventWriters event key → the step that creates it
   */
  ExperiencePlanner(
      PlanContext ctx,
      PlanPart.Builder out,
      Map<String, StepId> audienceWriters,
      Map<String, StepId> eventWriters) {
    this.ctx = ctx;
    this.out = out;
    this.audienceWriters = audienceWriters;
    this.eventWriters = eventWriters;
    this.content = new ContentComparison(ctx);
  }

  /** Every desired experience in scope, joined with the live one by name (or renamedFrom). */
  static PlanPart plan(PlanContext ctx, PlanPart audiences, PlanPart events) {
    PlanPart.Builder out = new PlanPart.Builder();
    ExperiencePlanner p = new ExperiencePlanner(ctx, out, audiences.writers(), events.writers());
    ctx.desired().experiences().stream().filter(e -> ctx.inScope(e.resourceKey())).forEach(p::plan);
    return out.build();
  }

  private List<StepId> audienceDeps(List<String> names) {
    List<StepId> deps = new ArrayList<>();
    for (String name : names) deps.add(audienceWriters.get(name));
    return deps;
  }

  void plan(Experience e) {
    Optional<LiveExperience> live = ctx.index().live.experienceByName(e.name());
    List<String> notes = new ArrayList<>();
    boolean renaming = false;
    if (live.isEmpty() && e.renamedFrom() != null) {
      live = ctx.index().live.experienceByName(e.renamedFrom());
      renaming = live.isPresent();
      if (renaming)
        notes.add("renamed from '" + e.renamedFrom() + "' (uid, shortUids and CMS content kept)");
    }
    ObjectNode after = ExperienceViews.desired(e);
    if (live.isEmpty()) {
      List<StepId> ids = create(e);
      out.addChange(e.resourceKey(), Action.CREATE, null, after, notes, ids);
      return;
    }
    LiveExperience l = live.get();
    out.claimed.add(l.uid());
    boolean managed = ctx.ownership().owns(l.description());
    ObjectNode before = ExperienceViews.live(l, e, ctx.index());
    boolean typeChanged = e.type() != l.type();
    if (typeChanged) {
      if (!managed) {
        out.warnings.add(
            "experience '"
                + e.name()
                + "' exists unmanaged with type "
                + l.type()
                + "; cspctl will not replace an experience it does not manage. Rename the spec or change its type");
        return;
      }
      notes.add(
          "the type of an experience cannot change in place: the live one is deleted and a new one created");
      List<StepId> ids = new ArrayList<>(delete(l));
      ids.addAll(create(e));
      out.addChange(e.resourceKey(), Action.REPLACE, before, after, notes, ids);
      return;
    }
    notes.addAll(ctx.ownership().adoptionNotes(l.description()));
    List<StepId> ids = update(e, l, before, after, managed, notes);
    if (managed && ctx.pruning()) pruneContent(e, l, ids, notes);
    if (ids.isEmpty()) return;
    Action action = !managed ? Action.ADOPT : renaming ? Action.RENAME : Action.UPDATE;
    out.addChange(e.resourceKey(), action, before, after, notes, ids);
  }

  // --- create ---------------------------------------------------------------------------------

  private List<StepId> create(Experience e) {
    List<StepId> ids = new ArrayList<>();
    Op.CreateExperience op =
        new Op.CreateExperience(
            e.name(), ctx.ownership().marked(e.description()), e.type(), tags(e, false));
    StepId created =
        out.steps.add(
            op,
            e.name(),
            "create experience '" + e.name() + "' (with its draft version)",
            List.of());
    ids.add(created);
    StepId configured = configure(e, null, Map.of(), List.of(created), ids);
    StepId last = afterConfigure(e, configured, e.variants(), List.of(), Set.of(), ids);
    status(e, last, ids, false, null);
    return ids;
  }

  /** PUT the draft version with every desired variant (existing shortUids kept). */
  private StepId configure(
      Experience e,
      String versionUid,
      Map<String, String> shortUids,
      List<StepId> deps,
      List<StepId> ids) {
    boolean ab = e.type() == ExperienceType.AB_TEST;
    List<Op.VariantConfig> variants = new ArrayList<>();
    List<StepId> allDeps = new ArrayList<>(deps);
    for (Variant v : e.variants()) {
      String kept = shortUids.get(v.name());
      variants.add(
          ab
              ? Op.VariantConfig.abTest(v.name(), kept, v.traffic())
              : Op.VariantConfig.segmented(
                  v.name(), kept, v.audiences(), v.lyticsAudiences(), v.match()));
      allDeps.addAll(audienceDeps(v.audiences()));
    }
    List<Op.MetricConfig> metrics = new ArrayList<>();
    for (Metric m : e.metrics()) {
      metrics.add(new Op.MetricConfig(m.event(), m.primary()));
      allDeps.add(eventWriters.get(m.event()));
    }
    String split = null;
    Op.Targeting targeting = null;
    if (ab) {
      if (e.equalSplit()) split = "equal";
      if (!e.audiences().isEmpty()) {
        targeting = new Op.Targeting(e.match(), e.audiences());
        allDeps.addAll(audienceDeps(e.audiences()));
      }
    }
    Op.ConfigureVersion op =
        new Op.ConfigureVersion(
            e.name(), e.type(), versionUid, variants, metrics, split, targeting);
    StepId id =
        out.steps.add(
            op,
            e.name(),
            "configure the draft version of '"
                + e.name()
                + "' ("
                + e.variants().size()
                + " variants)",
            allDeps);
    ids.add(id);
    return id;
  }

  /**
   * After the version holds its variants (and the CMS its variant group): link content types, write
   * the entry variants that differ, publish them with the unchanged ones that must be published
   * again ({@code republish}). Returns the last step id of the chain.
   */
  private StepId afterConfigure(
      Experience e,
      StepId previous,
      List<Variant> variants,
      List<Op.PublishItem> republish,
      Set<String> linkedLive,
      List<StepId> ids) {
    StepId last = previous;
    Set<String> wanted = new HashSet<>(e.contentTypes());
    if (!linkedLive.containsAll(wanted)) {
      List<String> contentTypes = List.copyOf(new java.util.TreeSet<>(e.contentTypes()));
      last =
          out.steps.add(
              new Op.LinkContentTypes(e.name(), contentTypes),
              e.name(),
              "link "
                  + String.join(", ", contentTypes)
                  + " to the variant group of '"
                  + e.name()
                  + "'",
              deps(last));
      ids.add(last);
    }
    return writeContent(e, variants, republish, last, ids);
  }

  private StepId writeContent(
      Experience e,
      List<Variant> variants,
      List<Op.PublishItem> republish,
      StepId previous,
      List<StepId> ids) {
    List<StepId> upserts = new ArrayList<>();
    List<Op.PublishItem> publishItems = new ArrayList<>(republish);
    for (Variant v : variants) {
      for (EntryContent c : v.content()) {
        Op.UpsertEntryVariant op =
            new Op.UpsertEntryVariant(
                e.name(), v.name(), c.contentType(), c.entry(), c.locale(), c.fields());
        String resource =
            e.name() + "/" + v.name() + "/" + c.contentType() + "/" + c.entry() + "/" + c.locale();
        upserts.add(
            out.steps.add(
                op,
                resource,
                "write entry variant "
                    + c.contentType()
                    + "/"
                    + c.entry()
                    + " ("
                    + c.locale()
                    + ") of variant '"
                    + v.name()
                    + "'",
                deps(previous)));
        publishItems.add(op.item());
      }
    }
    ids.addAll(upserts);
    if (publishItems.isEmpty()) return previous;
    PublishSettings publish = ctx.publishSettings();
    if (publish.environments().isEmpty()) {
      out.warnings.add(
          "publish.environments is empty in cspctl.yaml: entry variants of '"
              + e.name()
              + "' are written but not published");
      return upserts.get(upserts.size() - 1);
    }
    Op.PublishEntryVariants op =
        new Op.PublishEntryVariants(
            e.name(), publish.method(), publishItems, publish.environments());
    StepId id =
        out.steps.add(
            op,
            e.name(),
            "publish "
                + publishItems.size()
                + " entry variant(s) of '"
                + e.name()
                + "' to "
                + String.join(", ", publish.environments()),
            upserts.isEmpty() ? deps(previous) : upserts);
    ids.add(id);
    return id;
  }

  /** Activation or pause so the live status matches; returns the last step id. */
  private StepId status(
      Experience e, StepId previous, List<StepId> ids, boolean serving, LiveExperience live) {
    boolean wantServing = e.status() == ExperienceStatus.ACTIVE;
    if (wantServing && !serving) {
      StepId id =
          out.steps.add(
              new Op.ActivateVersion(e.name()),
              e.name(),
              "activate '" + e.name() + "'",
              deps(previous));
      ids.add(id);
      boolean hasContent = e.variants().stream().anyMatch(v -> !v.content().isEmpty());
      if (!hasContent) return id;
      // Activation of a new experience may regenerate CMS variant uids (contentstack-api.md §5).
      StepId refresh =
          out.steps.add(
              new Op.RefreshCms(e.name()),
              e.name(),
              "re-read the CMS variants of '"
                  + e.name()
                  + "' and rewrite content whose variant uid changed",
              List.of(id));
      ids.add(refresh);
      return refresh;
    }
    if (!wantServing && serving) {
      StepId id = pause(e.name(), live, previous);
      ids.add(id);
      return id;
    }
    return previous;
  }

  private StepId pause(String name, LiveExperience live, StepId previous) {
    LiveVersion active = live.versionWithStatus(LiveVersionStatus.ACTIVE).orElseThrow();
    return out.steps.add(
        new Op.PauseVersion(name, live.uid(), active.uid()),
        name + "#" + live.uid(),
        "pause '" + name + "'",
        deps(previous));
  }

  // --- update ---------------------------------------------------------------------------------

  private List<StepId> update(
      Experience e,
      LiveExperience l,
      ObjectNode before,
      ObjectNode after,
      boolean managed,
      List<String> notes) {
    List<StepId> ids = new ArrayList<>();
    StepId last = null;
    boolean metaChanged =
        !before.path("name").equals(after.path("name"))
            || !before.path("description").equals(after.path("description"))
            || !before.path("tags").equals(after.path("tags"));
    if (metaChanged || !managed) {
      Op.UpdateExperience op =
          new Op.UpdateExperience(
              l.uid(),
              e.name(),
              ctx.ownership().marked(e.description()),
              e.type(),
              tags(e, !l.tags().isEmpty()));
      last =
          out.steps.add(
              op,
              e.name(),
              (managed ? "update" : "adopt") + " experience '" + e.name() + "'",
              List.of());
      ids.add(last);
    }
    boolean versionChanged = !withoutContent(before).equals(withoutContent(after));
    boolean serving = ExperienceViews.serving(l);
    Optional<LiveVersion> current = l.currentVersion();
    Map<String, String> shortUids = ContentComparison.shortUids(e, current.orElse(null));
    Set<String> linked =
        new HashSet<>(
            ctx.index().live.variantGroupOf(l).map(g -> g.linkedContentTypes()).orElse(List.of()));
    List<Variant> changedContent = content.changed(e, l, current.orElse(null));
    List<Op.PublishItem> republish =
        content.unpublished(e, l, current.orElse(null), changedContent, notes);
    if (versionChanged) {
      boolean locked = current.isPresent() && current.get().status() != LiveVersionStatus.DRAFT;
      if (locked) {
        // A new draft beside the live version; the live one keeps serving until the draft is
        // activated (activation archives it). Pausing first is only the fallback for a service
        // that refuses a draft beside an active version.
        boolean pauseFirst = serving && !ctx.options().draftBesideActive();
        if (pauseFirst) {
          last = pause(e.name(), l, last);
          ids.add(last);
          out.warnings.add(
              "experience '"
                  + e.name()
                  + "' is paused before its new version is configured (the service is"
                  + " assumed to refuse a draft beside an active version): visitors see the base entries from the pause until"
                  + " the new version is active");
        }
        Optional<LiveVersion> draft = l.versionWithStatus(LiveVersionStatus.DRAFT);
        String draftUid = draft.map(LiveVersion::uid).orElse(null);
        if (draft.isEmpty()) {
          last =
              out.steps.add(
                  new Op.CreateDraftVersion(e.name(), l.uid()),
                  e.name(),
                  "create a new draft version of '"
                      + e.name()
                      + "'"
                      + (serving && !pauseFirst ? " beside the active one" : ""),
                  deps(last));
          ids.add(last);
        } else {
          notes.add("the existing draft version " + draftUid + " is reused");
        }
        boolean activate = e.status() == ExperienceStatus.ACTIVE;
        notes.add(
            "new version: "
                + (pauseFirst ? "pause the active version, " : "")
                + "draft with the desired variants (existing shortUids kept)"
                + (activate
                    ? ", activate"
                        + (serving && !pauseFirst ? " (the active version serves until then)" : "")
                    : ""));
        last = configure(e, draftUid, shortUids, deps(last), ids);
        last = afterConfigure(e, last, changedContent, republish, linked, ids);
        // Desired active: activate the draft (not serving counts as "needs activation").
        // Desired paused or draft: a serving version is paused last, after the draft is ready.
        status(e, last, ids, activate ? false : serving && !pauseFirst, l);
        return ids;
      }
      last = configure(e, current.map(LiveVersion::uid).orElse(null), shortUids, deps(last), ids);
      last = afterConfigure(e, last, changedContent, republish, linked, ids);
      status(e, last, ids, serving, l);
      return ids;
    }
    if (!linked.containsAll(e.contentTypes())
        || !changedContent.isEmpty()
        || !republish.isEmpty()) {
      last = afterConfigure(e, last, changedContent, republish, linked, ids);
    }
    status(e, last, ids, serving, l);
    return ids;
  }

  private static JsonNode withoutContent(ObjectNode view) {
    ObjectNode copy = view.deepCopy();
    copy.remove("name");
    copy.remove("description");
    copy.remove("status");
    copy.remove("contentTypes");
    copy.remove("tags");
    copy.path("variants").forEach(v -> ((ObjectNode) v).remove("content"));
    return copy;
  }

  /**
   * Prune: entry variant content of this managed experience that no spec declares (read for the
   * entries the specs touch) is deleted.
   */
  private void pruneContent(Experience e, LiveExperience l, List<StepId> ids, List<String> notes) {
    if (l.cms() == null) return;
    Map<String, String> shortUidByCms = new HashMap<>();
    l.cms().variants().forEach((shortUid, cms) -> shortUidByCms.put(cms, shortUid));
    Map<String, String> nameByShortUid = new HashMap<>();
    l.currentVersion()
        .ifPresent(
            v ->
                v.variants()
                    .forEach(
                        x -> {
                          if (x.shortUid() != null) nameByShortUid.put(x.shortUid(), x.name());
                        }));
    Set<String> declared = new HashSet<>();
    for (Variant v : e.variants()) {
      for (EntryContent c : v.content())
        declared.add(v.name() + "/" + c.contentType() + "/" + c.entry() + "/" + c.locale());
    }
    for (LiveEntryVariant ev : ExperienceViews.liveContent(l, ctx.index())) {
      String variant =
          nameByShortUid.getOrDefault(
              shortUidByCms.get(ev.variantUid()), "shortUid " + shortUidByCms.get(ev.variantUid()));
      String key = variant + "/" + ev.contentType() + "/" + ev.entryUid() + "/" + ev.locale();
      if (declared.contains(key)) continue;
      Op.DeleteEntryVariant op =
          new Op.DeleteEntryVariant(
              e.name(), variant, ev.variantUid(), ev.contentType(), ev.entryUid(), ev.locale());
      ids.add(
          out.steps.add(
              op,
              e.name() + "/" + key,
              "delete entry variant "
                  + ev.contentType()
                  + "/"
                  + ev.entryUid()
                  + " ("
                  + ev.locale()
                  + ") of variant '"
                  + variant
                  + "'",
              List.of()));
      notes.add(
          "prune: delete the entry variant content of '"
              + variant
              + "' on "
              + ev.contentType()
              + "/"
              + ev.entryUid()
              + " ("
              + ev.locale()
              + "), which no spec declares");
    }
  }

  // --- delete ---------------------------------------------------------------------------------

  List<StepId> delete(LiveExperience l) {
    List<StepId> ids = new ArrayList<>();
    StepId last = null;
    if (ExperienceViews.serving(l)) {
      last = pause(l.name(), l, null);
      ids.add(last);
    }
    StepId id =
        out.steps.add(
            new Op.DeleteExperience(l.uid(), l.name()),
            l.name() + "#" + l.uid(),
            "delete experience '" + l.name() + "'",
            deps(last));
    ids.add(id);
    return ids;
  }

  /** Prune: a managed live experience no spec declares. */
  void deleteUndeclared(LiveExperience l) {
    List<StepId> ids = delete(l);
    List<String> notes = new ArrayList<>();
    ctx.index()
        .live
        .variantGroupOf(l)
        .ifPresent(
            g ->
                notes.add(
                    "its CMS variant group "
                        + g.uid()
                        + " ('"
                        + g.name()
                        + "') is left orphaned: the API does not delete it"));
    if (ExperienceViews.serving(l)) notes.add("paused before deletion");
    out.addChange(
        new ResourceKey(Kind.EXPERIENCE, l.name()),
        Action.DELETE,
        ExperienceViews.live(l, null, ctx.index()),
        null,
        notes,
        ids);
  }

  /**
   * Tags are experience metadata (not versioned): sent when the spec has some, or to clear live
   * ones.
   */
  private static List<String> tags(Experience e, boolean liveHasTags) {
    return !e.tags().isEmpty() || liveHasTags ? e.tags() : null;
  }

  private static List<StepId> deps(StepId previous) {
    return previous == null ? List.of() : List.of(previous);
  }
}
