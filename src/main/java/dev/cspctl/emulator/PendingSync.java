package dev.cspctl.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** A scheduled _cms sync: create the group if needed and CMS variants for these shortUids. */
public final class PendingSync {
  public String experienceUid;
  public long dueAtEpochMs;

  /** shortUid -> variant name. */
  public Map<String, String> variants = new LinkedHashMap<>();

  public PendingSync() {}

  PendingSync(String experienceUid, long dueAtEpochMs, Map<String, String> variants) {
    this.experienceUid = experienceUid;
    this.dueAtEpochMs = dueAtEpochMs;
    this.variants = new LinkedHashMap<>(variants);
  }
}
