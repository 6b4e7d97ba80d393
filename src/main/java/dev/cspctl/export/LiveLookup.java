package dev.cspctl.export;

import dev.cspctl.state.LiveAttribute;
import dev.cspctl.state.LiveAudience;
import dev.cspctl.state.LiveEvent;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Uid to natural key lookups over a live state, for references written by key or name. */
final class LiveLookup {
  final LiveState live;
  private final Map<String, String> attributeKeys = new HashMap<>();
  private final Map<String, LiveAudience> audiences = new HashMap<>();
  private final Map<String, String> eventKeys = new HashMap<>();
  private final Map<String, String> experienceNames = new HashMap<>();

  LiveLookup(LiveState live) {
    this.live = live;
    for (LiveAttribute a : live.attributes()) attributeKeys.put(a.uid(), a.key());
    for (LiveAudience a : live.audiences()) audiences.put(a.uid(), a);
    for (LiveEvent e : live.events()) eventKeys.put(e.uid(), e.key());
    for (LiveExperience e : live.experiences()) experienceNames.put(e.uid(), e.name());
  }

  Optional<String> attributeKey(String uid) {
    return Optional.ofNullable(attributeKeys.get(uid));
  }

  Optional<LiveAudience> audience(String uid) {
    return Optional.ofNullable(audiences.get(uid));
  }

  Optional<String> eventKey(String uid) {
    return Optional.ofNullable(eventKeys.get(uid));
  }

  Optional<String> experienceName(String uid) {
    return Optional.ofNullable(experienceNames.get(uid));
  }

  static boolean isLytics(LiveAudience a) {
    return a.lytics();
  }
}
