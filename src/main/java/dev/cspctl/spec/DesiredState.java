package dev.cspctl.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The validated desired model of a spec folder: immutable, every resource under its natural key.
 *
 * @param unresolved references the specs make to resources they do not declare (attributes,
 *     audiences, events); they must exist in the live project, which only plan can check
 * @param visitorTests the {@code VisitorTest} documents (not resources: plan and apply ignore them)
 * @param sources where everything was declared, for checks that run after loading
 * @param references what the specs name that plan checks against the live project and stack (the
 *     unresolved references with their positions, content types, entries, locales, environments,
 *     Lytics audiences)
 */
public record DesiredState(
    ProjectConfig project,
    List<Attribute> attributes,
    List<Event> events,
    List<Audience> audiences,
    List<Experience> experiences,
    Optional<Priority> priority,
    List<UnresolvedReference> unresolved,
    int fileCount,
    List<VisitorTest> visitorTests,
    SourceIndex sources,
    List<SpecReference> references) {

  public DesiredState {
    attributes = List.copyOf(attributes);
    events = List.copyOf(events);
    audiences = List.copyOf(audiences);
    experiences = List.copyOf(experiences);
    unresolved = List.copyOf(unresolved);
    visitorTests = List.copyOf(visitorTests);
    references = List.copyOf(references);
  }

  public DesiredState(
      ProjectConfig project,
      List<Attribute> attributes,
      List<Event> events,
      List<Audience> audiences,
      List<Experience> experiences,
      Optional<Priority> priority,
      List<UnresolvedReference> unresolved,
      int fileCount,
      List<VisitorTest> visitorTests,
      SourceIndex sources) {
    this(
        project,
        attributes,
        events,
        audiences,
        experiences,
        priority,
        unresolved,
        fileCount,
        visitorTests,
        sources,
        List.of());
  }

  /** A reference to a resource not declared in the specs. */
  public record UnresolvedReference(Kind kind, String name, Origin origin) {}

  /** Every resource by its key, in key order. */
  public Map<ResourceKey, DesiredResource> byKey() {
    Map<ResourceKey, DesiredResource> map = new TreeMap<>();
    attributes.forEach(r -> map.put(r.resourceKey(), r));
    events.forEach(r -> map.put(r.resourceKey(), r));
    audiences.forEach(r -> map.put(r.resourceKey(), r));
    experiences.forEach(r -> map.put(r.resourceKey(), r));
    priority.ifPresent(r -> map.put(r.resourceKey(), r));
    return map;
  }

  public int resourceCount() {
    return attributes.size()
        + events.size()
        + audiences.size()
        + experiences.size()
        + (priority.isPresent() ? 1 : 0);
  }
}
