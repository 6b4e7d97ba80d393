package dev.cspctl.plan;

import dev.cspctl.state.LiveAttribute;
import dev.cspctl.state.LiveAudience;
import dev.cspctl.state.LiveEvent;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveState;
import java.util.HashMap;
import java.util.Map;

/** Lookups over a live state: uids to natural keys and back. */
final class LiveIndex {
  final LiveState live;
  final Map<String, String> attributeKeyByUid = new HashMap<>();
  final Map<String, String> audienceNameByUid = new HashMap<>();
  final Map<String, String> eventKeyByUid = new HashMap<>();
  final Map<String, String> experienceNameByUid = new HashMap<>();

  LiveIndex(LiveState live) {
    this.live = live;
    for (LiveAttribute a : live.attributes()) attributeKeyByUid.put(a.uid(), a.key());
    for (LiveAudience a : live.audiences()) audienceNameByUid.put(a.uid(), a.name());
    for (LiveEvent e : live.events()) eventKeyByUid.put(e.uid(), e.key());
    for (LiveExperience e : live.experiences()) experienceNameByUid.put(e.uid(), e.name());
  }

  String attributeKey(String uid) {
    return attributeKeyByUid.getOrDefault(uid, "uid:" + uid);
  }

  String audienceName(String uid) {
    return audienceNameByUid.getOrDefault(uid, "uid:" + uid);
  }

  String eventKey(String uid) {
    return eventKeyByUid.getOrDefault(uid, "uid:" + uid);
  }
}
