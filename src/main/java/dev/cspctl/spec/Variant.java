package dev.cspctl.spec;

import java.util.List;

/**
 * A variant of an experience, by name within it. Segmented variants target audiences; A/B variants
 * carry a traffic share instead ({@code traffic} is null for segmented ones).
 */
public record Variant(
    String name,
    String renamedFrom,
    List<String> audiences,
    List<String> lyticsAudiences,
    Match match,
    Integer traffic,
    List<EntryContent> content) {
  public Variant {
    audiences = List.copyOf(audiences);
    lyticsAudiences = List.copyOf(lyticsAudiences);
    content = List.copyOf(content);
  }
}
