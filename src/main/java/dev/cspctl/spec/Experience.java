package dev.cspctl.spec;

import java.util.List;

/**
 * A segmented experience or an A/B test, by name, with its variants, the content types its
 * variant group is linked to, and (optionally) metrics.
 *
 * @param tags case-folded, de-duplicated (v1.1)
 * @param audiences A/B tests only: the target group's audience names; empty = everyone (v1.1)
 * @param match how {@code audiences} combine; default any (v1.1)
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

  @Override
  public ResourceKey resourceKey() {
    return new ResourceKey(Kind.EXPERIENCE, name);
  }
}
