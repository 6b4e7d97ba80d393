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

  /**
   * A live audience that a spec renames ({@code renamedFrom}) is known by its new name, so that
   * versions referring to it by uid compare equal and are not re-versioned by the rename.
   */
  void nameRenamedAudiences(java.util.List<dev.cspctl.spec.Audience> desired) {
    for (dev.cspctl.spec.Audience a : desired) {
      if (a.renamedFrom() == null || live.audienceByName(a.name()).isPresent()) continue;
      live.audienceByName(a.renamedFrom()).ifPresent(l -> audienceNameByUid.put(l.uid(), a.name()));
    }
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
