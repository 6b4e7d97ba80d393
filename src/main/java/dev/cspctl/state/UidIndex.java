package dev.cspctl.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Uid to natural key lookups over a live state, for references the APIs make by uid and cspctl
 * writes by key or name (the other direction is {@link LiveState}'s own {@code …ByKey/ByName}).
 */
public final class UidIndex {
  private final LiveState live;
  private final Map<String, String> attributeKeys = new HashMap<>();
  private final Map<String, LiveAudience> audiences = new HashMap<>();
  private final Map<String, String> eventKeys = new HashMap<>();
  private final Map<String, String> experienceNames = new HashMap<>();

  public UidIndex(LiveState live) {
    this.live = live;
    for (LiveAttribute a : live.attributes()) attributeKeys.put(a.uid(), a.key());
    for (LiveAudience a : live.audiences()) audiences.put(a.uid(), a);
    for (LiveEvent e : live.events()) eventKeys.put(e.uid(), e.key());
    for (LiveExperience e : live.experiences()) experienceNames.put(e.uid(), e.name());
  }

  public Optional<String> attributeKey(String uid) {
    return Optional.ofNullable(attributeKeys.get(uid));
  }

  public Optional<LiveAudience> audience(String uid) {
    return Optional.ofNullable(audiences.get(uid));
  }

  public Optional<String> eventKey(String uid) {
    return Optional.ofNullable(eventKeys.get(uid));
  }

  public Optional<String> experienceName(String uid) {
    return Optional.ofNullable(experienceNames.get(uid));
  }

  public LiveState live() {
    return live;
  }
}
