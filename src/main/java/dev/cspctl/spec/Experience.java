package dev.cspctl.spec;

import java.util.List;

/**
 * A segmented experience or an A/B test, by name, with its variants, the content types its
 * variant group is linked to, and (optionally) metrics.
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
    Origin origin)
    implements DesiredResource {
  public Experience {
    contentTypes = List.copyOf(contentTypes);
    variants = List.copyOf(variants);
    metrics = List.copyOf(metrics);
  }

  @Override
  public ResourceKey resourceKey() {
    return new ResourceKey(Kind.EXPERIENCE, name);
  }
}
