package dev.cspctl.plan;

import dev.cspctl.spec.Audience;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.UidIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live state as the planner compares it: uids named by natural key ({@link UidIndex}), with
 * audiences a spec renames known by their new names, and unknown uids shown as {@code uid:…}.
 */
final class LiveIndex {
  final LiveState live;
  private final UidIndex uids;
  private final Map<String, String> renamedAudiences = new HashMap<>();

  LiveIndex(LiveState live) {
    this.live = live;
    this.uids = new UidIndex(live);
  }

  /**
   * A live audience that a spec renames ({@code renamedFrom}) is known by its new name, so that
   * versions referring to it by uid compare equal and are not re-versioned by the rename.
   */
  void nameRenamedAudiences(List<Audience> desired) {
    for (Audience a : desired) {
      if (a.renamedFrom() == null || live.audienceByName(a.name()).isPresent()) continue;
      live.audienceByName(a.renamedFrom()).ifPresent(l -> renamedAudiences.put(l.uid(), a.name()));
    }
  }

  String attributeKey(String uid) {
    return uids.attributeKey(uid).orElse("uid:" + uid);
  }

  /** The audience's name as the specs know it (its new name when a spec renames it). */
  Optional<String> audienceNameIfKnown(String uid) {
    String renamed = renamedAudiences.get(uid);
    return renamed != null ? Optional.of(renamed) : uids.audience(uid).map(a -> a.name());
  }

  String audienceName(String uid) {
    return audienceNameIfKnown(uid).orElse("uid:" + uid);
  }

  String eventKey(String uid) {
    return uids.eventKey(uid).orElse("uid:" + uid);
  }

  Optional<String> experienceName(String uid) {
    return uids.experienceName(uid);
  }
}
