package dev.cspctl.state;

import java.util.List;
import java.util.Optional;

/**
 * A live experience. Managed fields: name, description, type, versions' content. Server-set
 * (observed) fields: uid, shortUid, status, latestVersion, cms (null until the server has synced
 * the CMS variant group).
 */
public record LiveExperience(String uid, String name, String description, String type,
    String shortUid, String status, String latestVersion, LiveCms cms, List<LiveVersion> versions,
    List<String> tags) {
  public LiveExperience {
    versions = List.copyOf(versions);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public LiveExperience(String uid, String name, String description, String type, String shortUid,
      String status, String latestVersion, LiveCms cms, List<LiveVersion> versions) {
    this(uid, name, description, type, shortUid, status, latestVersion, cms, versions, List.of());
  }

  public Optional<LiveVersion> version(String versionUid) {
    return versions.stream().filter(v -> v.uid().equals(versionUid)).findFirst();
  }

  /** The version with {@code status}, if any (at most one DRAFT/ACTIVE exists). */
  public Optional<LiveVersion> versionWithStatus(String status) {
    return versions.stream().filter(v -> status.equals(v.status())).findFirst();
  }

  /** The version whose variants describe the experience now: ACTIVE, else latest, else DRAFT. */
  public Optional<LiveVersion> currentVersion() {
    return versionWithStatus("ACTIVE").or(() -> latestVersion == null ? Optional.empty()
        : version(latestVersion)).or(() -> versionWithStatus("DRAFT"))
        .or(() -> versions.isEmpty() ? Optional.empty()
            : Optional.of(versions.get(versions.size() - 1)));
  }
}
