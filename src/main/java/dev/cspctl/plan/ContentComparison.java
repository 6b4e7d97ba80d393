package dev.cspctl.plan;

import dev.cspctl.spec.EntryContent;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.Variant;
import dev.cspctl.state.EntryKey;
import dev.cspctl.state.LiveEntryVariant;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveVariant;
import dev.cspctl.state.LiveVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares an experience's desired entry variant content with the live content: which variants need
 * writing, which unchanged ones need publishing again, by which shortUid each variant is known
 * live. Pure; the experience planner turns the answers into steps.
 */
final class ContentComparison {
  private final PlanContext ctx;

  ContentComparison(PlanContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Publishing is part of the live state: unchanged content whose current version is not published
   * to every configured environment (a publish that failed or was interrupted) is published again.
   * Known only when the stack's environments were read.
   */
  List<Op.PublishItem> unpublished(
      Experience e,
      LiveExperience l,
      LiveVersion current,
      List<Variant> changed,
      List<String> notes) {
    List<String> environments = ctx.publishSettings().environments();
    if (!ctx.index().live.stack().read() || environments.isEmpty() || l.cms() == null)
      return List.of();
    Set<String> rewritten = new HashSet<>();
    for (Variant v : changed)
      for (EntryContent c : v.content())
        rewritten.add(v.name() + "/" + c.contentType() + "/" + c.entry() + "/" + c.locale());
    Map<String, String> shortUids = shortUids(e, current);
    List<Op.PublishItem> items = new ArrayList<>();
    List<String> described = new ArrayList<>();
    for (Variant v : e.variants()) {
      String shortUid = shortUids.get(v.name());
      String cmsUid = shortUid == null ? null : l.cms().variants().get(shortUid);
      if (cmsUid == null) continue;
      for (EntryContent c : v.content()) {
        if (rewritten.contains(
            v.name() + "/" + c.contentType() + "/" + c.entry() + "/" + c.locale())) continue;
        Optional<LiveEntryVariant> ev =
            ctx.index()
                .live
                .entryVariant(new EntryKey(c.contentType(), c.entry(), c.locale()), cmsUid);
        if (ev.isEmpty()) continue;
        List<String> missing =
            environments.stream().filter(env -> !ev.get().publishedCurrentTo(env)).toList();
        if (missing.isEmpty()) continue;
        items.add(new Op.PublishItem(v.name(), c.contentType(), c.entry(), c.locale()));
        described.add(
            "'"
                + v.name()
                + "' on "
                + c.contentType()
                + "/"
                + c.entry()
                + " ("
                + c.locale()
                + ", version "
                + ev.get().version()
                + ": not published to "
                + String.join(", ", missing)
                + ")");
      }
    }
    if (!described.isEmpty()) {
      notes.add(
          "publish again: the current version of "
              + described.size()
              + " entry variant(s) is not published to every"
              + " configured environment: "
              + String.join("; ", described));
    }
    return items;
  }

  /** Desired variant name to the live shortUid it keeps (by name, or by renamedFrom). */
  static Map<String, String> shortUids(Experience e, LiveVersion current) {
    Map<String, String> out = new HashMap<>();
    if (current == null) return out;
    Map<String, String> byName = new HashMap<>();
    for (LiveVariant v : current.variants())
      if (v.shortUid() != null) byName.put(v.name(), v.shortUid());
    for (Variant v : e.variants()) {
      String s = byName.get(v.name());
      if (s == null && v.renamedFrom() != null) s = byName.get(v.renamedFrom());
      if (s != null) out.put(v.name(), s);
    }
    return out;
  }

  /**
   * Variants whose entry content differs from the live content (projected on the spec's fields).
   */
  List<Variant> changed(Experience e, LiveExperience l, LiveVersion current) {
    List<Variant> out = new ArrayList<>();
    Map<String, String> shortUids = shortUids(e, current);
    for (Variant v : e.variants()) {
      List<EntryContent> differing = new ArrayList<>();
      String shortUid = shortUids.get(v.name());
      String cmsUid = shortUid == null || l.cms() == null ? null : l.cms().variants().get(shortUid);
      for (EntryContent c : v.content()) {
        Optional<LiveEntryVariant> ev =
            cmsUid == null
                ? Optional.empty()
                : ctx.index()
                    .live
                    .entryVariant(new EntryKey(c.contentType(), c.entry(), c.locale()), cmsUid);
        if (ev.isEmpty()
            || !JsonNumbers.canonical(ExperienceViews.project(ev.get().fields(), c.fields()))
                .equals(JsonNumbers.canonical(c.fields()))) {
          differing.add(c);
        }
      }
      if (!differing.isEmpty()) {
        out.add(
            new Variant(
                v.name(),
                v.renamedFrom(),
                v.audiences(),
                v.lyticsAudiences(),
                v.match(),
                v.traffic(),
                differing));
      }
    }
    return out;
  }
}
