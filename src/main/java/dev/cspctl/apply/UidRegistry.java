package dev.cspctl.apply;

import dev.cspctl.state.LiveAttribute;
import dev.cspctl.state.LiveAudience;
import dev.cspctl.state.LiveEvent;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Natural keys to uids during an apply: seeded from the live state the plan was made from,
 * updated as steps create and rename resources. Thread-safe: steps run concurrently.
 */
final class UidRegistry {
  final Map<String, String> attributes = new ConcurrentHashMap<>();
  final Map<String, String> events = new ConcurrentHashMap<>();
  final Map<String, String> audiences = new ConcurrentHashMap<>();
  final Map<String, String> experiences = new ConcurrentHashMap<>();
  /** experience name -> (shortUid -> CMS variant uid), as last read. */
  final Map<String, Map<String, String>> cmsVariants = new ConcurrentHashMap<>();
  /** experience name -> variant name -> shortUid, as last configured or read. */
  final Map<String, Map<String, String>> shortUids = new ConcurrentHashMap<>();
  final Map<String, String> variantGroups = new ConcurrentHashMap<>();
  /** experience name -> its draft version as created or configured in this run (saves a re-read). */
  final Map<String, dev.cspctl.api.personalize.Version> drafts = new ConcurrentHashMap<>();
  /** experience name -> draft version uid returned by create (the API creates an empty draft). */
  final Map<String, String> createdDrafts = new ConcurrentHashMap<>();
  /**
   * CMS variant uids that existed when the plan was made. A variant uid outside this set was made
   * by this apply (the _cms sync of a version it configured), so no entry variant content can
   * exist for it yet: its first write needs no read of the existing fields.
   */
  final java.util.Set<String> cmsVariantsAtPlanTime = ConcurrentHashMap.newKeySet();

  UidRegistry(LiveState live) {
    for (dev.cspctl.state.LiveEntryVariant v : live.entryVariants()) cmsVariantsAtPlanTime.add(v.variantUid());
    for (LiveAttribute a : live.attributes()) attributes.put(a.key(), a.uid());
    for (LiveEvent e : live.events()) events.put(e.key(), e.uid());
    for (LiveAudience a : live.audiences()) audiences.put(a.name(), a.uid());
    for (LiveExperience e : live.experiences()) {
      experiences.put(e.name(), e.uid());
      if (e.cms() != null && e.cms().variantGroup() != null) {
        variantGroups.put(e.name(), e.cms().variantGroup());
        cmsVariants.put(e.name(), new ConcurrentHashMap<>(e.cms().variants()));
        cmsVariantsAtPlanTime.addAll(e.cms().variants().values());
      }
    }
  }

  static String require(Map<String, String> map, String kind, String name) {
    String uid = map.get(name);
    if (uid == null) throw new ApplyException(kind + " '" + name + "' does not exist in the live project");
    return uid;
  }
}
