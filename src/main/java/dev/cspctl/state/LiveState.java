package dev.cspctl.state;

import java.util.List;
import java.util.Optional;

/**
 * The actual ("live") state of a project and stack, as read by {@link StateReader}. Immutable.
 * {@code entryVariants} covers only the entries of the {@link ReadScope} it was read with.
 */
public record LiveState(
    List<LiveAttribute> attributes,
    List<LiveEvent> events,
    List<LiveAudience> audiences,
    List<LiveExperience> experiences,
    List<LiveVariantGroup> variantGroups,
    List<LiveEntryVariant> entryVariants,
    List<String> priorityOrder,
    StackSettings stack) {

  /**
   * What the stack holds besides content: environment names by uid and locale codes ({@code read}
   * false when they were not read), and the scoped entries the CMA reported missing.
   */
  public record StackSettings(
      boolean read,
      java.util.Map<String, String> environmentNamesByUid,
      List<String> locales,
      List<String> contentTypes,
      List<EntryKey> missingEntries) {
    public StackSettings {
      environmentNamesByUid = java.util.Map.copyOf(environmentNamesByUid);
      locales = List.copyOf(locales);
      contentTypes = List.copyOf(contentTypes);
      missingEntries = List.copyOf(missingEntries);
    }

    public static StackSettings unread(List<EntryKey> missingEntries) {
      return new StackSettings(false, java.util.Map.of(), List.of(), List.of(), missingEntries);
    }
  }

  public LiveState(
      List<LiveAttribute> attributes,
      List<LiveEvent> events,
      List<LiveAudience> audiences,
      List<LiveExperience> experiences,
      List<LiveVariantGroup> variantGroups,
      List<LiveEntryVariant> entryVariants,
      List<String> priorityOrder) {
    this(
        attributes,
        events,
        audiences,
        experiences,
        variantGroups,
        entryVariants,
        priorityOrder,
        StackSettings.unread(List.of()));
  }

  public LiveState {
    if (stack == null) stack = StackSettings.unread(List.of());
    attributes = List.copyOf(attributes);
    events = List.copyOf(events);
    audiences = List.copyOf(audiences);
    experiences = List.copyOf(experiences);
    variantGroups = List.copyOf(variantGroups);
    entryVariants = List.copyOf(entryVariants);
    priorityOrder = List.copyOf(priorityOrder);
  }

  public Optional<LiveAttribute> attributeByKey(String key) {
    return attributes.stream().filter(a -> key.equals(a.key())).findFirst();
  }

  public Optional<LiveEvent> eventByKey(String key) {
    return events.stream().filter(e -> key.equals(e.key())).findFirst();
  }

  public Optional<LiveAudience> audienceByName(String name) {
    return audiences.stream().filter(a -> name.equals(a.name())).findFirst();
  }

  public Optional<LiveExperience> experienceByName(String name) {
    return experiences.stream().filter(e -> name.equals(e.name())).findFirst();
  }

  public Optional<LiveExperience> experienceByUid(String uid) {
    return experiences.stream().filter(e -> uid.equals(e.uid())).findFirst();
  }

  public Optional<LiveVariantGroup> variantGroup(String uid) {
    return variantGroups.stream().filter(g -> uid.equals(g.uid())).findFirst();
  }

  /** The variant group linked to the experience (by {@code _cms.variantGroup}, else metadata). */
  public Optional<LiveVariantGroup> variantGroupOf(LiveExperience e) {
    if (e.cms() != null && e.cms().variantGroup() != null) {
      return variantGroup(e.cms().variantGroup());
    }
    return variantGroups.stream().filter(g -> e.uid().equals(g.experienceUid())).findFirst();
  }

  public List<LiveEntryVariant> entryVariants(EntryKey key) {
    return entryVariants.stream().filter(v -> v.entryKey().equals(key)).toList();
  }

  public Optional<LiveEntryVariant> entryVariant(EntryKey key, String variantUid) {
    return entryVariants.stream()
        .filter(v -> v.entryKey().equals(key) && variantUid.equals(v.variantUid()))
        .findFirst();
  }
}
