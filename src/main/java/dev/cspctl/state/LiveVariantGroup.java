package dev.cspctl.state;

import dev.cspctl.api.cma.ContentTypeLink;
import java.util.List;

/**
 * A CMS variant group. Managed: the linked content types. Server-set: uid, name, experienceUid,
 * variants.
 */
public record LiveVariantGroup(
    String uid,
    String name,
    List<ContentTypeLink> contentTypes,
    String experienceUid,
    List<LiveCmsVariant> variants) {
  public LiveVariantGroup {
    contentTypes = List.copyOf(contentTypes);
    variants = List.copyOf(variants);
  }

  /** Uids of content types whose status is linked. */
  public List<String> linkedContentTypes() {
    return contentTypes.stream()
        .filter(ContentTypeLink::isLinked)
        .map(ContentTypeLink::uid)
        .toList();
  }
}
