package dev.cspctl.api.cma;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.ResourceRef;
import java.util.List;

/**
 * The CMA calls apply makes: exactly what the step classes use, so a recording fake can stand in
 * for {@link CmaClient} in unit tests. Failures are {@link dev.cspctl.api.RemoteApiException}s.
 */
public interface CmaPort {
  /** A view of this port whose errors name {@code ref}. */
  CmaPort about(ResourceRef ref);

  List<VariantGroup> listAllVariantGroups();

  /** Sets the group's linked content types to exactly {@code contentTypes}. */
  void linkContentTypes(String groupUid, String groupName, List<ContentTypeLink> contentTypes);

  EntryVariant upsertEntryVariant(String ct, String entryUid, String variantUid, String locale, ObjectNode entry);

  EntryVariant getEntryVariant(String ct, String entryUid, String variantUid, String locale);

  void deleteEntryVariant(String ct, String entryUid, String variantUid, String locale);

  PublishResult publishEntryVariants(String ct, String entryUid, String locale, List<String> environments,
      List<String> locales, List<VariantRef> variants);

  /** Bulk publish in as many requests as the batch limits need; one result per request. */
  List<PublishResult> bulkPublishAll(List<BulkEntry> entries, List<String> locales, List<String> environments);
}
