package dev.cspctl.api.cma;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.ResourceRef;
import java.util.List;

/**
 * The CMA calls apply makes: exactly what the step classes use, so a recording fake can stand in
 * for {@link CmaClient} in unit tests. Bulk publishes go through {@link BulkPublishQueue}, which
 * uses the last two methods. Failures are {@link dev.cspctl.api.RemoteApiException}s.
 */
public interface CmaPort {
  /** A view of this port whose errors name {@code ref}. */
  CmaPort about(ResourceRef ref);

  List<VariantGroup> listAllVariantGroups();

  /** Sets the group's linked content types to exactly {@code contentTypes}. */
  void linkContentTypes(String groupUid, String groupName, List<ContentTypeLink> contentTypes);

  EntryVariant upsertEntryVariant(
      String ct, String entryUid, String variantUid, String locale, ObjectNode entry);

  EntryVariant getEntryVariant(String ct, String entryUid, String variantUid, String locale);

  void deleteEntryVariant(String ct, String entryUid, String variantUid, String locale);

  PublishResult publishEntryVariants(
      String ct,
      String entryUid,
      String locale,
      List<String> environments,
      List<String> locales,
      List<VariantRef> variants);

  /**
   * Blocks until a bulk publish could be sent at once, taking no permit ({@link BulkPublishQueue}
   * then sends).
   */
  void awaitBulkPermit();

  /** One bulk publish request (within the limits; {@link BulkPublishQueue} makes them). */
  PublishResult bulkPublish(BulkPublishRequest request);
}
