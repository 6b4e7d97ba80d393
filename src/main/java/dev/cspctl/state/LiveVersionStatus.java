package dev.cspctl.state;

/** Where a live version is in its life: at most one DRAFT and one ACTIVE or PAUSED at a time. */
public enum LiveVersionStatus {
  DRAFT,
  ACTIVE,
  PAUSED,
  ARCHIVED
}
