package dev.cspctl.spec;

import java.util.List;

/**
 * A segmented experience or an A/B test, by name, with its variants, the content types its variant
 * group is linked to, (optionally) metrics, its tags (case-folded, not versioned) and, for an A/B
 * test, its target group: {@code audiences} combined by {@code match} (empty = everyone).
 */
public record Experience(
    String name,
    String renamedFrom,
    String description,
    ExperienceType type,
    ExperienceStatus status,
    List<String> contentTypes,
    List<Variant> variants,
    List<Metric> metrics,
    List<String> tags,
    List<String> audiences,
    Match match,
    Origin origin)
    implements DesiredResource {
  public Experience {
    contentTypes = List.copyOf(contentTypes);
    variants = List.copyOf(variants);
    metrics = List.copyOf(metrics);
    tags = tags == null ? List.of() : List.copyOf(tags);
    audiences = audiences == null ? List.of() : List.copyOf(audiences);
    match = match == null ? Match.ANY : match;
  }

  /** An A/B test's traffic mode: equal when no variant gives {@code traffic}. */
  public boolean equalSplit() {
    return type == ExperienceType.AB_TEST && variants.stream().allMatch(v -> v.traffic() == null);
  }

  @Override
  public ResourceKey resourceKey() {
    return new ResourceKey(Kind.EXPERIENCE, name);
  }
}
