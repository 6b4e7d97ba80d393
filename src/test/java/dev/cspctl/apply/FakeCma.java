package dev.cspctl.apply;

import static dev.cspctl.apply.RecordingApis.args;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.Api;
import dev.cspctl.api.ResourceRef;
import dev.cspctl.api.cma.BulkPublishRequest;
import dev.cspctl.api.cma.CmaPort;
import dev.cspctl.api.cma.ContentTypeLink;
import dev.cspctl.api.cma.EntryVariant;
import dev.cspctl.api.cma.PublishResult;
import dev.cspctl.api.cma.VariantGroup;
import dev.cspctl.api.cma.VariantRef;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The CMA port of {@link RecordingApis}. Publishes are recorded with what they publish: the
 * single-entry form as {@code (ct, entry, locale, variantUids)}, the bulk form as one {@code
 * ct/entry/locale=variantUids} argument per entry of each request ({@link
 * dev.cspctl.api.cma.BulkPublishQueue} makes the requests).
 */
final class FakeCma implements CmaPort {
  private final RecordingApis apis;
  private final ResourceRef scope;

  FakeCma(RecordingApis apis, ResourceRef scope) {
    this.apis = apis;
    this.scope = scope;
  }

  private <T> T call(String method, Object body, List<String> args, Supplier<T> effect) {
    return apis.call(Api.CMA, scope, method, body, args, effect);
  }

  private static String uids(List<VariantRef> variants) {
    return variants.stream().map(VariantRef::uid).collect(Collectors.joining("+"));
  }

  @Override
  public CmaPort about(ResourceRef ref) {
    return new FakeCma(apis, ref);
  }

  @Override
  public List<VariantGroup> listAllVariantGroups() {
    return call(
        "listAllVariantGroups", null, List.of(), () -> List.copyOf(apis.variantGroups.values()));
  }

  @Override
  public void linkContentTypes(
      String groupUid, String groupName, List<ContentTypeLink> contentTypes) {
    String linked =
        contentTypes.stream().map(ContentTypeLink::uid).collect(Collectors.joining(","));
    call(
        "linkContentTypes",
        contentTypes,
        args(groupUid, linked),
        () -> {
          apis.link(groupUid, contentTypes);
          return null;
        });
  }

  @Override
  public EntryVariant upsertEntryVariant(
      String ct, String entryUid, String variantUid, String locale, ObjectNode entry) {
    return call(
        "upsertEntryVariant",
        entry.deepCopy(),
        args(ct, entryUid, variantUid, locale),
        () -> {
          ObjectNode stored = entry.deepCopy();
          ObjectNode variant =
              stored.get("_variant") instanceof ObjectNode v ? v : stored.putObject("_variant");
          variant.put("_uid", variantUid);
          apis.entryVariants.put(RecordingApis.entryKey(ct, entryUid, variantUid, locale), stored);
          return new EntryVariant(stored.deepCopy());
        });
  }

  @Override
  public EntryVariant getEntryVariant(
      String ct, String entryUid, String variantUid, String locale) {
    return call(
        "getEntryVariant",
        null,
        args(ct, entryUid, variantUid, locale),
        () -> {
          var stored =
              apis.entryVariants.get(RecordingApis.entryKey(ct, entryUid, variantUid, locale));
          if (stored == null) throw RecordingApis.notFound(Api.CMA, "getEntryVariant", scope);
          return new EntryVariant((ObjectNode) stored.deepCopy());
        });
  }

  @Override
  public void deleteEntryVariant(String ct, String entryUid, String variantUid, String locale) {
    call(
        "deleteEntryVariant",
        null,
        args(ct, entryUid, variantUid, locale),
        () -> {
          if (apis.entryVariants.remove(RecordingApis.entryKey(ct, entryUid, variantUid, locale))
              == null) {
            throw RecordingApis.notFound(Api.CMA, "deleteEntryVariant", scope);
          }
          return null;
        });
  }

  @Override
  public PublishResult publishEntryVariants(
      String ct,
      String entryUid,
      String locale,
      List<String> environments,
      List<String> locales,
      List<VariantRef> variants) {
    return call(
        "publishEntryVariants",
        environments,
        args(ct, entryUid, locale, uids(variants)),
        () -> new PublishResult("published", null));
  }

  /**
   * Never waits (the fake has no rate limit) and records nothing: only the requests sent are calls.
   */
  @Override
  public void awaitBulkPermit() {}

  @Override
  public PublishResult bulkPublish(BulkPublishRequest request) {
    List<String> described =
        request.entries().stream()
            .map(e -> e.contentType() + "/" + e.uid() + "/" + e.locale() + "=" + uids(e.variants()))
            .toList();
    return call("bulkPublish", request, described, () -> new PublishResult("queued", "job"));
  }
}
