package dev.cspctl.apply;

import dev.cspctl.api.personalize.PersonalizeClient;
import dev.cspctl.api.personalize.Variant;
import dev.cspctl.api.personalize.Version;
import dev.cspctl.api.personalize.VersionStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a variant lives, by name: its shortUid in the experience's current version and its CMS
 * variant uid. Known values come from the registry (what this run configured or read); unknown
 * ones are read once and remembered.
 */
final class VariantUids {
  private final ApplyContext ctx;

  VariantUids(ApplyContext ctx) {
    this.ctx = ctx;
  }

  void remember(String experience, Version version) {
    Map<String, String> m = new ConcurrentHashMap<>();
    for (Variant v : version.variants()) if (v.shortUid() != null) m.put(v.name(), v.shortUid());
    ctx.uids().shortUids.put(experience, m);
  }

  /** Variant name to shortUid, from the version holding the current variants: the draft, else the active one, else the newest. */
  Map<String, String> shortUids(String experience, String variantNeeded) {
    Map<String, String> known = ctx.uids().shortUids.get(experience);
    if (known != null && (variantNeeded == null || known.containsKey(variantNeeded))) return known;
    List<Version> versions = client(experience).listVersions(experienceUid(experience));
    Optional<Version> current = withStatus(versions, VersionStatus.DRAFT).or(() -> withStatus(versions, VersionStatus.ACTIVE))
        .or(() -> versions.stream().max(Comparator.comparing(Version::uid)));
    current.ifPresent(v -> remember(experience, v));
    return ctx.uids().shortUids.getOrDefault(experience, Map.of());
  }

  /** The CMS variant uid of a variant, by name. */
  String cmsUid(String experience, String variant) {
    String shortUid = shortUids(experience, variant).get(variant);
    if (shortUid == null) throw new ApplyException("experience '" + experience + "' has no variant '" + variant + "'");
    Map<String, String> cms = ctx.uids().cmsVariants.get(experience);
    if (cms == null || !cms.containsKey(shortUid)) {
      var e = client(experience).getExperience(experienceUid(experience));
      if (e.cms() != null) ctx.uids().cmsVariants.put(experience, new ConcurrentHashMap<>(e.cms().variants()));
      cms = ctx.uids().cmsVariants.getOrDefault(experience, Map.of());
    }
    String uid = cms.get(shortUid);
    if (uid == null) throw new ApplyException("variant '" + variant + "' of experience '" + experience + "' has no CMS variant uid yet");
    return uid;
  }

  static Optional<Version> withStatus(List<Version> versions, VersionStatus status) {
    return versions.stream().filter(v -> v.status() == status).reduce((first, second) -> second);
  }

  private String experienceUid(String experience) {
    return UidRegistry.require(ctx.uids().experiences, "experience", experience);
  }

  private PersonalizeClient client(String experience) {
    return ctx.personalize().about(StepRunner.ref("experience", experience));
  }
}
