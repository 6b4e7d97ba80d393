package dev.cspctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.state.LiveAttribute;
import dev.cspctl.state.LiveAudience;
import dev.cspctl.state.LiveEntryVariant;
import dev.cspctl.state.LiveEvent;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.LiveVariant;
import dev.cspctl.state.LiveVariantGroup;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The uids of the live state the plan was made from, by natural key: what a step uses for a
 * resource no step of this apply wrote. Immutable; built once per apply.
 */
final class LiveUids {
  private final LiveState live;
  private final Map<String, String> variantGroups = new HashMap<>();
  private final Map<String, Map<String, String>> cmsVariants = new HashMap<>();
  private final Map<String, Map<String, String>> shortUids = new HashMap<>();
  private final Set<String> cmsVariantsAtPlanTime = new HashSet<>();
  private final Map<List<String>, JsonNode> entryVariantFields = new HashMap<>();

  LiveUids(LiveState live) {
    this.live = live;
    for (LiveEntryVariant v : live.entryVariants()) {
      cmsVariantsAtPlanTime.add(v.variantUid());
      entryVariantFields.put(
          List.of(v.contentType(), v.entryUid(), v.locale(), v.variantUid()), v.fields());
    }
    for (LiveExperience e : live.experiences()) {
      // the version holding the variants apply writes content for: the draft, else the active one,
      // else the newest
      e.versionWithStatus(dev.cspctl.state.LiveVersionStatus.DRAFT)
          .or(() -> e.versionWithStatus(dev.cspctl.state.LiveVersionStatus.ACTIVE))
          .or(
              () ->
                  e.versions().stream()
                      .max(java.util.Comparator.comparing(dev.cspctl.state.LiveVersion::uid)))
          .ifPresent(
              v -> {
                Map<String, String> m = new HashMap<>();
                for (LiveVariant x : v.variants())
                  if (x.shortUid() != null) m.put(x.name(), x.shortUid());
                shortUids.put(e.name(), Map.copyOf(m));
              });
      if (e.cms() != null && e.cms().variantGroup() != null) {
        variantGroups.put(e.name(), e.cms().variantGroup());
        cmsVariants.put(e.name(), Map.copyOf(e.cms().variants()));
        cmsVariantsAtPlanTime.addAll(e.cms().variants().values());
      }
    }
  }

  Optional<String> attribute(String key) {
    return live.attributeByKey(key).map(LiveAttribute::uid);
  }

  Optional<String> event(String key) {
    return live.eventByKey(key).map(LiveEvent::uid);
  }

  Optional<String> audience(String name) {
    return live.audienceByName(name).map(LiveAudience::uid);
  }

  Optional<String> experience(String name) {
    return live.experienceByName(name).map(LiveExperience::uid);
  }

  Optional<String> variantGroup(String experience) {
    return Optional.ofNullable(variantGroups.get(experience));
  }

  /** shortUid to CMS variant uid, as live when the plan was made. */
  Map<String, String> cmsVariants(String experience) {
    return cmsVariants.getOrDefault(experience, Map.of());
  }

  /** Variant name to shortUid in the experience's current live version. */
  Map<String, String> shortUids(String experience) {
    return shortUids.getOrDefault(experience, Map.of());
  }

  /**
   * The content of an entry variant as the plan read it (the reader reads every variant of each
   * entry the specs touch).
   */
  Optional<JsonNode> entryVariantFields(
      String contentType, String entry, String locale, String variantUid) {
    return Optional.ofNullable(
        entryVariantFields.get(List.of(contentType, entry, locale, variantUid)));
  }

  /** The live variant group of an experience, as the plan read it. */
  Optional<LiveVariantGroup> variantGroupRecord(String experience) {
    return live.experienceByName(experience).flatMap(live::variantGroupOf);
  }

  /**
   * A CMS variant uid outside this set was made by this apply (the _cms sync of a version it
   * configured), so no entry variant content can exist for it yet: its first write needs no read.
   */
  boolean existedAtPlanTime(String cmsVariantUid) {
    return cmsVariantsAtPlanTime.contains(cmsVariantUid);
  }
}
