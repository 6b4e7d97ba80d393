package dev.cspctl.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cspctl.api.cma.CmsVariant;
import dev.cspctl.api.cma.EntryVariant;
import dev.cspctl.api.cma.VariantGroup;
import dev.cspctl.api.personalize.AbTargeting;
import dev.cspctl.api.personalize.Attribute;
import dev.cspctl.api.personalize.Audience;
import dev.cspctl.api.personalize.Event;
import dev.cspctl.api.personalize.Experience;
import dev.cspctl.api.personalize.Metric;
import dev.cspctl.api.personalize.Variant;
import dev.cspctl.api.personalize.Version;
import java.util.List;

/** Converts wire records to the live model (enum values back to their wire names). */
final class LiveMapper {
  private static final ObjectMapper M = new ObjectMapper();

  private LiveMapper() {}

  static String wire(Enum<?> e) {
    return e == null ? null : M.convertValue(e, String.class);
  }

  static LiveAttribute attribute(Attribute a) {
    return new LiveAttribute(a.uid(), a.key(), a.name(), a.description());
  }

  static LiveEvent event(Event e) {
    return new LiveEvent(e.uid(), e.key(), e.description());
  }

  static LiveAudience audience(Audience a) {
    return new LiveAudience(a.uid(), a.name(), a.description(), a.definition(), a.source());
  }

  static LiveExperience experience(Experience e, List<Version> versions) {
    LiveCms cms = e.cms() == null ? null : new LiveCms(e.cms().variantGroup(), e.cms().variants());
    return new LiveExperience(e.uid(), e.name(), e.description(), wire(e.type()), e.shortUid(),
        e.status(), e.latestVersion(), cms, versions.stream().map(LiveMapper::version).toList(), e.tags());
  }

  static LiveVersion version(Version v) {
    AbTargeting.Group target = AbTargeting.fromWire(v.targeting());
    return new LiveVersion(v.uid(), wire(v.status()),
        v.variants().stream().map(LiveMapper::variant).toList(),
        v.metrics().stream().map(LiveMapper::metric).toList(), target.audienceUids(),
        target.combinationType(), v.variantSplit());
  }

  static LiveVariant variant(Variant v) {
    return new LiveVariant(wire(v.type()), v.name(), v.shortUid(), v.audiences(),
        v.lyticsAudiences(), v.audienceCombinationType(), v.trafficDistribution());
  }

  static LiveMetric metric(Metric m) {
    return new LiveMetric(wire(m.type()), m.event(), m.name());
  }

  static LiveVariantGroup group(VariantGroup g) {
    return new LiveVariantGroup(g.uid(), g.name(), g.contentTypes(), g.experienceUid(),
        g.variants().stream().map(LiveMapper::cmsVariant).toList());
  }

  static LiveCmsVariant cmsVariant(CmsVariant v) {
    return new LiveCmsVariant(v.uid(), v.name(), v.shortUid(), v.alias());
  }

  static LiveEntryVariant entryVariant(EntryKey key, EntryVariant v, java.util.Map<String, String> environmentNames) {
    List<LiveEntryVariant.Publication> published = v.publishDetails().stream()
        .map(d -> new LiveEntryVariant.Publication(environmentNames.getOrDefault(d.environment(), d.environment()),
            d.locale() == null ? key.locale() : d.locale(), d.version()))
        .toList();
    return new LiveEntryVariant(key.contentType(), key.entryUid(), key.locale(), v.variantUid(),
        EntryFields.content(v.entry()), v.changeSet(), v.version(), published);
  }
}
