package dev.cspctl.state;

import dev.cspctl.api.ApiAssumptions;
import dev.cspctl.api.ApiNames;
import dev.cspctl.api.cma.CmsVariant;
import dev.cspctl.api.cma.EntryVariant;
import dev.cspctl.api.cma.VariantGroup;
import dev.cspctl.api.personalize.AbTargeting;
import dev.cspctl.api.personalize.MetricType;
import dev.cspctl.api.personalize.RemoteAttribute;
import dev.cspctl.api.personalize.RemoteAudience;
import dev.cspctl.api.personalize.RemoteEvent;
import dev.cspctl.api.personalize.RemoteExperience;
import dev.cspctl.api.personalize.RemoteMetric;
import dev.cspctl.api.personalize.RemoteVariant;
import dev.cspctl.api.personalize.VariantType;
import dev.cspctl.api.personalize.Version;
import dev.cspctl.api.personalize.VersionStatus;
import dev.cspctl.spec.ExperienceType;
import java.util.List;

/**
 * Converts wire records to the live model, once: wire enums and strings become the live model's own
 * types here, so nothing past {@code state} reads an API name.
 */
final class LiveMapper {
  private LiveMapper() {}

  static LiveVersionStatus status(VersionStatus s) {
    return switch (s) {
      case DRAFT -> LiveVersionStatus.DRAFT;
      case ACTIVE -> LiveVersionStatus.ACTIVE;
      case PAUSED -> LiveVersionStatus.PAUSED;
      case ARCHIVED -> LiveVersionStatus.ARCHIVED;
    };
  }

  static ExperienceType type(VariantType t) {
    return switch (t) {
      case SEGMENTED -> ExperienceType.SEGMENTED;
      case AB_TEST -> ExperienceType.AB_TEST;
    };
  }

  static MetricKind kind(MetricType t) {
    return t == MetricType.PRIMARY ? MetricKind.PRIMARY : MetricKind.SECONDARY;
  }

  static LiveVersion.Split split(String variantSplit) {
    if (variantSplit == null) return null;
    return ApiAssumptions.EQUAL_SPLIT.equals(variantSplit)
        ? LiveVersion.Split.EQUAL
        : LiveVersion.Split.CUSTOM;
  }

  static LiveAttribute attribute(RemoteAttribute a) {
    return new LiveAttribute(a.uid(), a.key(), a.name(), a.description());
  }

  static LiveEvent event(RemoteEvent e) {
    return new LiveEvent(e.uid(), e.key(), e.description());
  }

  static LiveAudience audience(RemoteAudience a) {
    return new LiveAudience(
        a.uid(),
        a.name(),
        a.description(),
        a.definition(),
        a.isLytics() ? AudienceSource.LYTICS : AudienceSource.PERSONALIZE);
  }

  static LiveExperience experience(RemoteExperience e, List<Version> versions) {
    LiveCms cms = e.cms() == null ? null : new LiveCms(e.cms().variantGroup(), e.cms().variants());
    return new LiveExperience(
        e.uid(),
        e.name(),
        e.description(),
        e.type(),
        e.shortUid(),
        ApiNames.versionStatus(e.status()).map(LiveMapper::status).orElse(null),
        e.latestVersion(),
        cms,
        versions.stream().map(LiveMapper::version).toList(),
        e.tags());
  }

  static LiveVersion version(Version v) {
    AbTargeting.Group target = AbTargeting.fromWire(v.targeting());
    return new LiveVersion(
        v.uid(),
        status(v.status()),
        v.variants().stream().map(LiveMapper::variant).toList(),
        v.metrics().stream().map(LiveMapper::metric).toList(),
        target.audienceUids(),
        ApiNames.matchOrAny(target.combinationType()),
        split(v.variantSplit()));
  }

  static LiveVariant variant(RemoteVariant v) {
    return new LiveVariant(
        v.type() == null ? null : type(v.type()),
        v.name(),
        v.shortUid(),
        v.audiences(),
        v.lyticsAudiences(),
        ApiNames.matchOrAny(v.audienceCombinationType()),
        v.trafficDistribution());
  }

  static LiveMetric metric(RemoteMetric m) {
    return new LiveMetric(m.type() == null ? null : kind(m.type()), m.event(), m.name());
  }

  static LiveVariantGroup group(VariantGroup g) {
    return new LiveVariantGroup(
        g.uid(),
        g.name(),
        g.contentTypes(),
        g.experienceUid(),
        g.variants().stream().map(LiveMapper::cmsVariant).toList());
  }

  static LiveCmsVariant cmsVariant(CmsVariant v) {
    return new LiveCmsVariant(v.uid(), v.name(), v.shortUid(), v.alias());
  }

  static LiveEntryVariant entryVariant(
      EntryKey key, EntryVariant v, java.util.Map<String, String> environmentNames) {
    List<LiveEntryVariant.Publication> published =
        v.publishDetails().stream()
            .map(
                d ->
                    new LiveEntryVariant.Publication(
                        environmentNames.getOrDefault(d.environment(), d.environment()),
                        d.locale() == null ? key.locale() : d.locale(),
                        d.version()))
            .toList();
    return new LiveEntryVariant(
        key.contentType(),
        key.entryUid(),
        key.locale(),
        v.variantUid(),
        EntryFields.content(v.entry()),
        v.changeSet(),
        v.version(),
        published);
  }
}
