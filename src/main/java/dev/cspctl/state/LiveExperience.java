package dev.cspctl.state;

import dev.cspctl.spec.ExperienceType;
import java.util.List;
import java.util.Optional;

/**
 * A live experience. Managed fields: name, description, type, versions' content. Server-set
 * (observed) fields: uid, shortUid, status (null when the API's is not a version status),
 * latestVersion, cms (null until the server has synced the CMS variant group).
 */
public record LiveExperience(
    String uid,
    String name,
    String description,
    ExperienceType type,
    String shortUid,
    LiveVersionStatus status,
    String latestVersion,
    LiveCms cms,
    List<LiveVersion> versions,
    List<String> tags) {
  public LiveExperience {
    versions = List.copyOf(versions);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public LiveExperience(
      String uid,
      String name,
      String description,
      ExperienceType type,
      String shortUid,
      LiveVersionStatus status,
      String latestVersion,
      LiveCms cms,
      List<LiveVersion> versions) {
    this(uid, name, description, type, shortUid, status, latestVersion, cms, versions, List.of());
  }

  public Optional<LiveVersion> version(String versionUid) {
    return versions.stream().filter(v -> v.uid().equals(versionUid)).findFirst();
  }

  /** The version with {@code status}, if any (at most one DRAFT/ACTIVE exists). */
  public Optional<LiveVersion> versionWithStatus(LiveVersionStatus status) {
    return versions.stream().filter(v -> v.status() == status).findFirst();
  }

  /** The version whose variants describe the experience now: ACTIVE, else latest, else DRAFT. */
  public Optional<LiveVersion> currentVersion() {
    return versionWithStatus(LiveVersionStatus.ACTIVE)
        .or(() -> latestVersion == null ? Optional.empty() : version(latestVersion))
        .or(() -> versionWithStatus(LiveVersionStatus.DRAFT))
        .or(
            () ->
                versions.isEmpty()
                    ? Optional.empty()
                    : Optional.of(versions.get(versions.size() - 1)));
  }
}
