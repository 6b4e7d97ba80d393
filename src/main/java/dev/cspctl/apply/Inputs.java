package dev.cspctl.apply;

import dev.cspctl.api.personalize.PersonalizePort;
import dev.cspctl.api.personalize.RemoteExperience;
import dev.cspctl.api.personalize.RemoteVariant;
import dev.cspctl.api.personalize.Version;
import dev.cspctl.api.personalize.VersionStatus;
import dev.cspctl.apply.StepResult.AttributeWritten;
import dev.cspctl.apply.StepResult.AudienceWritten;
import dev.cspctl.apply.StepResult.CmsSynced;
import dev.cspctl.apply.StepResult.EventWritten;
import dev.cspctl.apply.StepResult.ExperienceWritten;
import dev.cspctl.apply.StepResult.VersionConfigured;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one step reads to resolve natural keys to uids: first the results of the steps it depends on
 * (this apply's creates, configured versions and CMS syncs), then the live state the plan was made
 * from, and only for what neither knows, a read of the API.
 */
final class Inputs {
  private final Ancestors ancestors;
  private final LiveUids live;
  private final PersonalizePort personalize;

  Inputs(Ancestors ancestors, LiveUids live, PersonalizePort personalize) {
    this.ancestors = ancestors;
    this.live = live;
    this.personalize = personalize;
  }

  Ancestors ancestors() {
    return ancestors;
  }

  LiveUids live() {
    return live;
  }

  String attributeUid(String key) {
    return ancestors
        .nearest(AttributeWritten.class, r -> r.key().equals(key))
        .map(AttributeWritten::uid)
        .or(() -> live.attribute(key))
        .orElseThrow(() -> missing("attribute", key));
  }

  String eventUid(String key) {
    return ancestors
        .nearest(EventWritten.class, r -> r.key().equals(key))
        .map(EventWritten::uid)
        .or(() -> live.event(key))
        .orElseThrow(() -> missing("event", key));
  }

  String audienceUid(String name) {
    return ancestors
        .nearest(AudienceWritten.class, r -> r.name().equals(name))
        .map(AudienceWritten::uid)
        .or(() -> live.audience(name))
        .orElseThrow(() -> missing("audience", name));
  }

  Optional<String> experienceUidIfKnown(String name) {
    return ancestors
        .nearest(ExperienceWritten.class, r -> r.name().equals(name))
        .map(ExperienceWritten::uid)
        .or(() -> live.experience(name));
  }

  String experienceUid(String name) {
    return experienceUidIfKnown(name).orElseThrow(() -> missing("experience", name));
  }

  /** The empty draft the create of this experience made in this apply, if it did. */
  Optional<String> createdDraft(String experience) {
    return ancestors
        .nearest(
            ExperienceWritten.class,
            r -> r.name().equals(experience) && r.draftVersionUid() != null)
        .map(ExperienceWritten::draftVersionUid)
        .or(
            () ->
                ancestors
                    .nearest(StepResult.DraftCreated.class, r -> r.experience().equals(experience))
                    .map(StepResult.DraftCreated::versionUid));
  }

  Optional<Version> configuredVersion(String experience) {
    return ancestors
        .nearest(VersionConfigured.class, r -> r.experience().equals(experience))
        .map(VersionConfigured::version);
  }

  /** Variant name to shortUid: as configured in this apply, else as live, else as read now. */
  Map<String, String> shortUids(String experience, String variantNeeded) {
    Optional<Version> configured = configuredVersion(experience);
    if (configured.isPresent()) return shortUids(configured.get());
    Map<String, String> known = live.shortUids(experience);
    if (!known.isEmpty() && (variantNeeded == null || known.containsKey(variantNeeded)))
      return known;
    List<Version> versions = client(experience).listVersions(experienceUid(experience));
    return withStatus(versions, VersionStatus.DRAFT)
        .or(() -> withStatus(versions, VersionStatus.ACTIVE))
        .or(() -> versions.stream().max(Comparator.comparing(Version::uid)))
        .map(Inputs::shortUids)
        .orElse(Map.of());
  }

  static Map<String, String> shortUids(Version version) {
    Map<String, String> m = new HashMap<>();
    for (RemoteVariant v : version.variants())
      if (v.shortUid() != null) m.put(v.name(), v.shortUid());
    return m;
  }

  /** The experience's CMS variants (shortUid to uid): as synced in this apply, else as live. */
  Map<String, String> cmsVariants(String experience) {
    return synced(experience)
        .map(CmsSynced::cmsVariants)
        .orElseGet(() -> live.cmsVariants(experience));
  }

  /**
   * The nearest CMS read of this apply: the sync a configured version waited for, a link, a
   * refresh.
   */
  private Optional<CmsSynced> synced(String experience) {
    return ancestors
        .nearest(StepResult.class, r -> cmsOf(r, experience) != null)
        .map(r -> cmsOf(r, experience));
  }

  private static CmsSynced cmsOf(StepResult r, String experience) {
    if (r instanceof CmsSynced c && c.experience().equals(experience) && c.variantGroup() != null)
      return c;
    if (r instanceof VersionConfigured v && v.experience().equals(experience)) return v.cms();
    return null;
  }

  /**
   * The CMS variant uid of a variant, by name; read from the API when neither this apply nor the
   * live state has it.
   */
  String cmsUid(String experience, String variant) {
    String shortUid = shortUids(experience, variant).get(variant);
    if (shortUid == null)
      throw new ApplyException("experience '" + experience + "' has no variant '" + variant + "'");
    String uid = cmsVariants(experience).get(shortUid);
    if (uid == null) {
      RemoteExperience e = client(experience).getExperience(experienceUid(experience));
      if (e.cms() != null) uid = e.cms().variants().get(shortUid);
    }
    if (uid == null)
      throw new ApplyException(
          "variant '"
              + variant
              + "' of experience '"
              + experience
              + "' has no CMS variant uid yet");
    return uid;
  }

  /**
   * The experience's CMS variant group: as synced in this apply, else as live, else as read now.
   */
  CmsSynced cmsGroup(String experience) {
    Optional<CmsSynced> synced = synced(experience);
    if (synced.isPresent()) return synced.get();
    Optional<String> group = live.variantGroup(experience);
    if (group.isPresent())
      return new CmsSynced(experience, group.get(), live.cmsVariants(experience), "");
    RemoteExperience e = client(experience).getExperience(experienceUid(experience));
    if (e.cms() == null || e.cms().variantGroup() == null) {
      throw new ApplyException("experience '" + experience + "' has no CMS variant group yet");
    }
    return new CmsSynced(experience, e.cms().variantGroup(), e.cms().variants(), "");
  }

  static Optional<Version> withStatus(List<Version> versions, VersionStatus status) {
    return versions.stream().filter(v -> v.status() == status).reduce((first, second) -> second);
  }

  private PersonalizePort client(String experience) {
    return personalize.about(StepRunner.ref("experience", experience));
  }

  private static ApplyException missing(String kind, String name) {
    return new ApplyException(kind + " '" + name + "' does not exist in the live project");
  }
}
