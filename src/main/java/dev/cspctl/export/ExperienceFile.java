package dev.cspctl.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cspctl.api.ApiAssumptions;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.state.LiveEntryVariant;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveMetric;
import dev.cspctl.state.LiveVariant;
import dev.cspctl.state.LiveVersion;
import dev.cspctl.state.LiveVersionStatus;
import dev.cspctl.state.UidIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One experience as {@code experiences/<slug>.yaml}: its current version (ACTIVE, else latest, else
 * draft) with variants in live order, the content types linked to its variant group, and the entry
 * variant content of each variant, rebuilt from the change sets. An experience the format cannot
 * hold (no variants yet, a segmented variant without audiences, A/B traffic not summing to 100, a
 * reference to a resource the project does not list) is not written, with a warning naming it.
 */
final class ExperienceFile {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The file text and the number of content entries in it. */
  record Rendered(String text, int contents) {}

  private final LiveExperience e;
  private final UidIndex lookup;
  private final ExportSettings settings;
  private final List<String> warnings;

  ExperienceFile(
      LiveExperience e, UidIndex lookup, ExportSettings settings, List<String> warnings) {
    this.e = e;
    this.lookup = lookup;
    this.settings = settings;
    this.warnings = warnings;
  }

  /** Empty (with a warning) when the experience cannot be written as a valid spec. */
  Optional<Rendered> render() {
    String label = "experience '" + e.name() + "' (uid " + e.uid() + ")";
    Optional<String> problem = problem();
    if (problem.isPresent()) {
      warnings.add(label + " not exported: " + problem.get());
      return Optional.empty();
    }
    LiveVersion version = e.currentVersion().orElseThrow();
    boolean ab = e.type() == ExperienceType.AB_TEST;
    YamlOut y =
        Header.start("experience")
            .raw("kind: Experience")
            .field(
                0,
                "name",
                e.name(),
                "uid " + e.uid() + (e.shortUid() == null ? "" : ", shortUid " + e.shortUid()));
    KeyedResourceFiles.description(y, e.description());
    y.field(0, "type", e.type().yamlName(), null);
    y.field(0, "status", status(), "live version " + version.uid() + " is " + version.status());
    List<String> contentTypes = contentTypes();
    String group =
        lookup.live().variantGroupOf(e).map(g -> "CMS variant group " + g.uid()).orElse(null);
    y.field(0, "contentTypes", YamlOut.strings(contentTypes), group);
    if (!e.tags().isEmpty()) y.field(0, "tags", YamlOut.strings(e.tags()), null);
    boolean equal = ab && version.split() == LiveVersion.Split.EQUAL;
    if (ab && !version.targetAudiences().isEmpty()) {
      List<String> names =
          version.targetAudiences().stream()
              .map(uid -> lookup.audience(uid).orElseThrow().name())
              .toList();
      y.field(0, "audiences", YamlOut.strings(names), "the A/B target group");
      y.field(0, "match", version.targetMatch().yamlName(), null);
    }
    y.key(
        0,
        "variants",
        equal ? "equal split (variantSplit " + ApiAssumptions.EQUAL_SPLIT + ")" : null);
    int contents = 0;
    for (LiveVariant v : version.variants())
      contents += variant(y, v, ab && !equal, new HashSet<>(contentTypes));
    if (!version.metrics().isEmpty()) {
      y.key(0, "metrics", null);
      for (LiveMetric m : version.metrics()) {
        y.itemField(
            2,
            "event",
            lookup.eventKey(m.eventUid()).orElseThrow(),
            m.name() == null ? null : "metric '" + m.name() + "'");
        if (m.primary()) y.field(4, "primary", JSON.booleanNode(true), null);
      }
    }
    return Optional.of(new Rendered(y.toString(), contents));
  }

  private Optional<String> problem() {
    if (e.name() == null || e.name().isBlank()) return Optional.of("it has no name");
    Optional<LiveVersion> version = e.currentVersion();
    if (version.isEmpty() || version.get().variants().isEmpty())
      return Optional.of("its version has no variants yet");
    boolean ab = e.type() == ExperienceType.AB_TEST;
    boolean equal = ab && version.get().split() == LiveVersion.Split.EQUAL;
    Set<String> names = new HashSet<>();
    int traffic = 0;
    for (LiveVariant v : version.get().variants()) {
      if (v.name() == null || v.name().isBlank() || !names.add(v.name()))
        return Optional.of("its variant names are empty or not unique");
      if (ab && equal) continue;
      if (ab) {
        if (v.trafficDistribution() == null)
          return Optional.of("A/B variant '" + v.name() + "' has no traffic share");
        traffic += v.trafficDistribution();
        continue;
      }
      if (v.audiences().isEmpty() && v.lyticsAudiences().isEmpty()) {
        return Optional.of("segmented variant '" + v.name() + "' targets no audience");
      }
      for (String uid : v.audiences()) {
        if (lookup.audience(uid).isEmpty())
          return Optional.of(
              "variant '"
                  + v.name()
                  + "' refers to audience uid "
                  + uid
                  + ", which the project does not list");
      }
    }
    if (ab) {
      for (String uid : version.get().targetAudiences()) {
        if (lookup.audience(uid).isEmpty())
          return Optional.of(
              "its target group refers to audience uid "
                  + uid
                  + ", which the project does not list");
      }
    }
    if (ab && version.get().variants().size() < 2) {
      return Optional.of(
          "an A/B test needs at least two variants (found "
              + version.get().variants().size()
              + ")");
    }
    if (ab && !equal && traffic != 100) {
      return Optional.of(
          "an A/B test needs at least two variants whose traffic sums to 100 (found "
              + version.get().variants().size()
              + " summing to "
              + traffic
              + ")");
    }
    long primaries = version.get().metrics().stream().filter(LiveMetric::primary).count();
    if (!version.get().metrics().isEmpty() && primaries != 1)
      return Optional.of("its metrics have " + primaries + " primary metrics, not one");
    for (LiveMetric m : version.get().metrics()) {
      if (lookup.eventKey(m.eventUid()).isEmpty())
        return Optional.of(
            "a metric refers to event uid " + m.eventUid() + ", which the project does not list");
    }
    return Optional.empty();
  }

  /** ACTIVE → active, PAUSED → paused, anything else → draft. */
  private String status() {
    if (e.versionWithStatus(LiveVersionStatus.ACTIVE).isPresent()
        || e.status() == LiveVersionStatus.ACTIVE) return "active";
    if (e.versionWithStatus(LiveVersionStatus.PAUSED).isPresent()
        || e.status() == LiveVersionStatus.PAUSED) return "paused";
    return "draft";
  }

  private List<String> contentTypes() {
    return new ArrayList<>(
        new TreeSet<>(
            lookup.live().variantGroupOf(e).map(g -> g.linkedContentTypes()).orElse(List.of())));
  }

  /** {@code customSplit}: an A/B variant with its traffic share; an equal-split one has none. */
  private int variant(YamlOut y, LiveVariant v, boolean customSplit, Set<String> contentTypes) {
    String cmsUid =
        e.cms() == null || v.shortUid() == null ? null : e.cms().variants().get(v.shortUid());
    y.itemField(
        2,
        "name",
        v.name(),
        "shortUid " + v.shortUid() + (cmsUid == null ? "" : ", CMS variant " + cmsUid));
    if (customSplit) {
      y.field(4, "traffic", JSON.numberNode(v.trafficDistribution()), null);
    } else if (v.type() != ExperienceType.AB_TEST) {
      if (!v.audiences().isEmpty()) {
        List<String> names =
            v.audiences().stream().map(uid -> lookup.audience(uid).orElseThrow().name()).toList();
        y.field(4, "audiences", YamlOut.strings(names), null);
      }
      if (!v.lyticsAudiences().isEmpty()) {
        y.key(4, "lyticsAudiences", null);
        for (String uid : v.lyticsAudiences()) {
          y.item(
              6,
              JSON.textNode(uid),
              lookup.audience(uid).map(a -> "Lytics audience '" + a.name() + "'").orElse(null));
        }
      }
      y.field(4, "match", v.audienceMatch().yamlName(), null);
    }
    if (cmsUid == null) return 0;
    List<LiveEntryVariant> content =
        new ArrayList<>(
            lookup.live().entryVariants().stream()
                .filter(ev -> cmsUid.equals(ev.variantUid()))
                .toList());
    content.sort(
        Comparator.comparing(LiveEntryVariant::contentType)
            .thenComparing(LiveEntryVariant::entryUid)
            .thenComparing(LiveEntryVariant::locale));
    int written = 0;
    for (LiveEntryVariant ev : content) {
      String where =
          "experience '"
              + e.name()
              + "', variant '"
              + v.name()
              + "', entry "
              + ev.contentType()
              + "/"
              + ev.entryUid()
              + " ("
              + ev.locale()
              + ")";
      if (!contentTypes.contains(ev.contentType())) {
        warnings.add(
            where
                + ": content not exported: content type "
                + ev.contentType()
                + " is no longer linked to the experience");
        continue;
      }
      ChangeSetFields.Result fields = ChangeSetFields.rebuild(ev.fields(), ev.changeSet());
      for (String top : fields.takenWhole()) {
        warnings.add(
            where
                + ": field '"
                + top
                + "' exported whole: its change set paths go through a list (modular blocks"
                + " or multiple groups), which spec fields cannot override in part");
      }
      for (String missing : fields.missing()) {
        warnings.add(
            where
                + ": change set path '"
                + missing
                + "' not exported: the entry variant has no value there");
      }
      if (fields.fields().isEmpty()) {
        warnings.add(
            where + ": content not exported: its change set is empty (it overrides nothing)");
        continue;
      }
      if (written++ == 0) y.key(4, "content", null);
      y.itemField(6, "contentType", ev.contentType(), null).field(8, "entry", ev.entryUid(), null);
      if (!ev.locale().equals(settings.defaultLocale())) y.field(8, "locale", ev.locale(), null);
      y.field(8, "fields", fields.fields(), "change set: " + String.join(", ", ev.changeSet()));
    }
    return written;
  }
}
