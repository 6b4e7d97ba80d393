package dev.cspctl.api.cma;

import static dev.cspctl.api.http.Paths.params;
import static dev.cspctl.api.http.Paths.query;
import static dev.cspctl.api.http.Paths.seg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.Api;
import dev.cspctl.api.ApiAssumptions;
import dev.cspctl.api.AuthSession;
import dev.cspctl.api.ResourceRef;
import dev.cspctl.api.http.ApiResponse;
import dev.cspctl.api.http.HttpTransport;
import dev.cspctl.api.http.RateBucket;
import dev.cspctl.api.http.RestCaller;
import dev.cspctl.api.http.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed client of the Contentstack CMA parts cspctl uses (§1, §8–§11). Reads go under the CMA read
 * bucket, writes under the write bucket, bulk publish under the bulk bucket (1/s).
 */
public final class CmaClient implements CmaPort {
  private static final String V3 = "/v3";
  private final HttpTransport transport;
  private final RestCaller rest;
  private final UserSession userSession;
  private final String branch;
  private final boolean linkViaGroupPut;

  public CmaClient(HttpTransport transport, AuthSession session) {
    this(
        transport,
        new RestCaller(transport, Api.CMA, session::cmaHeaders, null),
        session.credentials().branch(),
        ApiAssumptions.LINK_VIA_GROUP_PUT);
  }

  private CmaClient(
      HttpTransport transport, RestCaller rest, String branch, boolean linkViaGroupPut) {
    this.transport = transport;
    this.rest = rest;
    this.userSession = new UserSession(transport);
    this.branch = branch;
    this.linkViaGroupPut = linkViaGroupPut;
  }

  /** A view of this client whose errors name {@code ref}. */
  @Override
  public CmaClient about(ResourceRef ref) {
    return new CmaClient(transport, rest.about(ref), branch, linkViaGroupPut);
  }

  /** This client with the other link form (tests; the default is {@link ApiAssumptions}). */
  CmaClient withLinkViaGroupPut(boolean viaGroupPut) {
    return new CmaClient(transport, rest, branch, viaGroupPut);
  }

  // --- user session (§1)
  public String login(String email, String password, String tfaToken) {
    return userSession.login(email, password, tfaToken);
  }

  public void logout(String authtoken) {
    userSession.logout(authtoken);
  }

  // --- variant groups (§8)
  /** One page of variant groups (with variant info and count). */
  public VariantGroupPage listVariantGroups(int skip, int limit) {
    String path =
        query(
            V3 + "/variant_groups",
            params(
                "skip", skip, "limit", limit, "include_count", true, "include_variant_info", true));
    return rest.call("GET", path, null, RateBucket.CMA_READ).as(VariantGroupPage.class);
  }

  /** Every variant group: {@code ceil(G/100)} requests (at least 1). */
  @Override
  public List<VariantGroup> listAllVariantGroups() {
    return Pager.all(
        ApiAssumptions.CMA_PAGE_LIMIT,
        (skip, limit) -> {
          VariantGroupPage p = listVariantGroups(skip, limit);
          return new Pager.Page<>(p.variantGroups(), p.count());
        });
  }

  /**
   * Sets the group's linked content types to exactly {@code contentTypes} (decision 4). Default
   * form: {@code PUT /v3/variant_groups/{uid}} with {@code name} + the full {@code content_types}
   * list; with {@link ApiAssumptions#LINK_VIA_GROUP_PUT} false, the documented {@code PUT
   * /v3/variant_groups/{uid}/variants} form with {@code uid} and {@code branches}.
   */
  @Override
  public void linkContentTypes(
      String groupUid, String groupName, List<ContentTypeLink> contentTypes) {
    ObjectNode body = transport.codec().mapper().createObjectNode();
    String path = V3 + "/variant_groups/" + seg(groupUid);
    if (linkViaGroupPut) {
      body.put("name", groupName);
      body.set("content_types", links(contentTypes));
    } else {
      path += "/variants";
      body.set("content_types", links(contentTypes));
      body.put("uid", groupUid);
      body.putArray("branches").add(branch == null ? "main" : branch);
    }
    rest.call("PUT", path, body, RateBucket.CMA_WRITE).discard();
  }

  private ArrayNode links(List<ContentTypeLink> contentTypes) {
    ArrayNode a = transport.codec().mapper().createArrayNode();
    for (ContentTypeLink l : contentTypes) {
      a.addObject()
          .put("uid", l.uid())
          .put("status", l.status() == null ? ContentTypeLink.LINKED : l.status());
    }
    return a;
  }

  // --- stack settings
  /** The stack's publishing environments (one page of 100: {@code ceil(N/100)} requests). */
  public List<Environment> listEnvironments() {
    return Pager.all(
        ApiAssumptions.CMA_PAGE_LIMIT,
        (skip, limit) ->
            namedPage(
                "/environments",
                "environments",
                skip,
                limit,
                n -> new Environment(n.path("uid").asText(), n.path("name").asText())));
  }

  /** The uids of the stack's content types. */
  public List<String> listContentTypeUids() {
    return Pager.all(
        ApiAssumptions.CMA_PAGE_LIMIT,
        (skip, limit) ->
            namedPage("/content_types", "content_types", skip, limit, n -> n.path("uid").asText()));
  }

  /** The codes of the stack's locales. */
  public List<String> listLocales() {
    return Pager.all(
        ApiAssumptions.CMA_PAGE_LIMIT,
        (skip, limit) ->
            namedPage("/locales", "locales", skip, limit, n -> n.path("code").asText()));
  }

  private <T> Pager.Page<T> namedPage(
      String resource,
      String field,
      int skip,
      int limit,
      java.util.function.Function<JsonNode, T> item) {
    String path = query(V3 + resource, params("skip", skip, "limit", limit, "include_count", true));
    RestCaller.Call call = rest.call("GET", path, null, RateBucket.CMA_READ);
    ApiResponse resp = call.exchange();
    JsonNode tree = transport.codec().tree(call.request(), resp);
    JsonNode items = tree.get(field);
    if (items == null || !items.isArray()) {
      throw transport
          .codec()
          .bad(call.request(), resp, "missing required field '" + field + "'", null);
    }
    List<T> out = new ArrayList<>();
    items.forEach(n -> out.add(item.apply(n)));
    JsonNode count = tree.get("count");
    return new Pager.Page<>(out, count != null && count.canConvertToInt() ? count.asInt() : null);
  }

  // --- base entries (§9, §11)
  /** One page of the base entries of a content type in a locale. */
  public Pager.Page<CmsEntry> listEntries(String ct, String locale, int skip, int limit) {
    String path =
        query(
            V3 + "/content_types/" + seg(ct) + "/entries",
            params("locale", locale, "skip", skip, "limit", limit, "include_count", true));
    return entriesPage(
        path,
        (call, resp, entry, at) -> {
          JsonNode uid = entry.get("uid");
          if (uid == null || !uid.isTextual()) {
            throw transport
                .codec()
                .bad(call.request(), resp, "at " + at + ": missing required field 'uid'", null);
          }
          return new CmsEntry(uid.asText(), entry.path("locale").asText(locale));
        });
  }

  /**
   * Reads one item of an {@code entries} list; {@code at} names it ({@code entries[3]}) for errors.
   */
  private interface EntryReader<T> {
    T read(RestCaller.Call call, ApiResponse resp, JsonNode entry, String at);
  }

  /**
   * GETs one page of an {@code entries} list and its {@code count}, each item read by {@code item}.
   */
  private <T> Pager.Page<T> entriesPage(String path, EntryReader<T> item) {
    RestCaller.Call call = rest.call("GET", path, null, RateBucket.CMA_READ);
    ApiResponse resp = call.exchange();
    JsonNode tree = transport.codec().tree(call.request(), resp);
    JsonNode entries = tree.get("entries");
    if (entries == null || !entries.isArray()) {
      throw transport.codec().bad(call.request(), resp, "missing required field 'entries'", null);
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      out.add(item.read(call, resp, entries.get(i), "entries[" + i + "]"));
    }
    JsonNode count = tree.get("count");
    return new Pager.Page<>(out, count != null && count.canConvertToInt() ? count.asInt() : null);
  }

  /**
   * Which of these entries of the content type exist, in one request for up to {@value
   * ApiAssumptions#CMA_PAGE_LIMIT} uids: {@code GET …/entries?query={"uid":{"$in":[…]}}} with only
   * the uid returned (§9: the CMA's entry query). Only uids asked for are returned, so a server
   * that ignored the query can make an entry look absent but never present: callers confirm an
   * absence another way.
   */
  public java.util.Set<String> existingEntryUids(String ct, java.util.Collection<String> uids) {
    if (uids.size() > ApiAssumptions.CMA_PAGE_LIMIT) {
      throw new IllegalArgumentException("at most " + ApiAssumptions.CMA_PAGE_LIMIT + " uids");
    }
    com.fasterxml.jackson.databind.node.ObjectNode q =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    var in = q.putObject("uid").putArray("$in");
    uids.forEach(in::add);
    String path =
        query(
            V3 + "/content_types/" + seg(ct) + "/entries",
            params(
                "query",
                q.toString(),
                "only[BASE][]",
                "uid",
                "limit",
                ApiAssumptions.CMA_PAGE_LIMIT));
    java.util.Set<String> asked = java.util.Set.copyOf(uids);
    java.util.Set<String> found = new java.util.TreeSet<>();
    for (String uid :
        entriesPage(path, (call, resp, entry, at) -> entry.path("uid").asText()).items())
      if (asked.contains(uid)) found.add(uid);
    return found;
  }

  /**
   * Every base entry of the content type in the locale: {@code ceil(N/100)} requests (at least 1).
   */
  public List<CmsEntry> listAllEntries(String ct, String locale) {
    return Pager.all(
        ApiAssumptions.CMA_PAGE_LIMIT, (skip, limit) -> listEntries(ct, locale, skip, limit));
  }

  // --- entry variants (§9)
  private static String variantsPath(String ct, String entryUid) {
    return V3 + "/content_types/" + seg(ct) + "/entries/" + seg(entryUid) + "/variants";
  }

  /** Creates or updates; {@code entry} is the {@code entry} object (fields + optional _variant). */
  @Override
  public EntryVariant upsertEntryVariant(
      String ct, String entryUid, String variantUid, String locale, ObjectNode entry) {
    ObjectNode body = transport.codec().mapper().createObjectNode();
    body.set("entry", entry);
    String path =
        query(variantsPath(ct, entryUid) + "/" + seg(variantUid), params("locale", locale));
    return entryOf(rest.call("PUT", path, body, RateBucket.CMA_WRITE));
  }

  @Override
  public EntryVariant getEntryVariant(
      String ct, String entryUid, String variantUid, String locale) {
    String path =
        query(variantsPath(ct, entryUid) + "/" + seg(variantUid), params("locale", locale));
    return entryOf(rest.call("GET", path, null, RateBucket.CMA_READ));
  }

  /** One page of an entry's variants in a locale. */
  public Pager.Page<EntryVariant> listEntryVariants(
      String ct, String entryUid, String locale, int skip, int limit) {
    String path =
        query(
            variantsPath(ct, entryUid),
            params(
                "locale",
                locale,
                "skip",
                skip,
                "limit",
                limit,
                "include_count",
                true,
                "include_publish_details",
                true));
    return entriesPage(path, this::entryVariant);
  }

  /** Every variant of the entry in the locale: {@code ceil(V/100)} requests (at least 1). */
  public List<EntryVariant> listAllEntryVariants(String ct, String entryUid, String locale) {
    return Pager.all(
        ApiAssumptions.CMA_PAGE_LIMIT,
        (skip, limit) -> listEntryVariants(ct, entryUid, locale, skip, limit));
  }

  @Override
  public void deleteEntryVariant(String ct, String entryUid, String variantUid, String locale) {
    String path =
        query(variantsPath(ct, entryUid) + "/" + seg(variantUid), params("locale", locale));
    rest.call("DELETE", path, null, RateBucket.CMA_WRITE).discard();
  }

  private EntryVariant entryOf(RestCaller.Call call) {
    ApiResponse resp = call.exchange();
    JsonNode tree = transport.codec().tree(call.request(), resp);
    return entryVariant(call, resp, tree.get("entry"), "entry");
  }

  private EntryVariant entryVariant(
      RestCaller.Call call, ApiResponse resp, JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw transport
          .codec()
          .bad(call.request(), resp, "missing required field '" + where + "'", null);
    }
    try {
      return new EntryVariant((ObjectNode) node);
    } catch (WireFormatException e) {
      throw transport.codec().bad(call.request(), resp, "at " + where + ": " + e.getMessage(), e);
    }
  }

  /**
   * The base entry's {@code _version} in a locale ({@code GET
   * /v3/content_types/{ct}/entries/{uid}}). Bulk publish items carry the BASE version: a stale one
   * republishes old base content (§10).
   */
  public int getEntryVersion(String ct, String entryUid, String locale) {
    String path =
        query(
            V3 + "/content_types/" + seg(ct) + "/entries/" + seg(entryUid),
            params("locale", locale));
    RestCaller.Call call = rest.call("GET", path, null, RateBucket.CMA_READ);
    ApiResponse resp = call.exchange();
    JsonNode v = transport.codec().tree(call.request(), resp).path("entry").path("_version");
    if (!v.canConvertToInt() || !v.isNumber()) {
      throw transport
          .codec()
          .bad(call.request(), resp, "missing required field 'entry._version'", null);
    }
    return v.asInt();
  }

  // --- publishing (§10, decision 5)
  /**
   * One bulk publish request (≤10×10×10); variants per {@link ApiAssumptions#BULK_VARIANT_FORMAT}.
   */
  @Override
  public PublishResult bulkPublish(BulkPublishRequest request) {
    Map<String, String> headers =
        request.hasVariants()
            ? Map.of("api_version", ApiAssumptions.VARIANT_PUBLISH_API_VERSION)
            : Map.of();
    return rest.call(
            "POST",
            V3 + "/bulk/publish",
            request.toJson(transport.codec().mapper()),
            RateBucket.CMA_BULK,
            headers,
            false,
            true)
        .as(PublishResult.class);
  }

  /**
   * Blocks until a bulk publish could be sent at once (the bulk bucket has a permit), taking none:
   * {@link BulkPublishQueue} decides what to merge only when it may send.
   */
  @Override
  public void awaitBulkPermit() {
    transport.awaitPermit(RateBucket.CMA_BULK);
  }

  /** Publishes any number of entries, batched by {@link BulkPublishBatcher}, at the bulk rate. */
  public List<PublishResult> bulkPublishAll(
      List<BulkEntry> entries, List<String> locales, List<String> environments) {
    List<PublishResult> out = new ArrayList<>();
    for (BulkPublishRequest r : BulkPublishBatcher.batches(entries, locales, environments)) {
      out.add(bulkPublish(r));
    }
    return out;
  }

  /**
   * Publishes entry variants with the documented single-entry endpoint and {@code api_version:
   * 3.2}; {@code publishLatestBase=false, conditionally=true} per the docs' example.
   */
  @Override
  public PublishResult publishEntryVariants(
      String ct,
      String entryUid,
      String locale,
      List<String> environments,
      List<String> locales,
      List<VariantRef> variants) {
    ObjectNode body = transport.codec().mapper().createObjectNode();
    ObjectNode entry = body.putObject("entry");
    environments.forEach(entry.putArray("environments")::add);
    locales.forEach(entry.putArray("locales")::add);
    ArrayNode vs = entry.putArray("variants");
    for (VariantRef v : variants) {
      ObjectNode vn = vs.addObject().put("uid", v.uid());
      if (v.version() != null) {
        vn.put("version", v.version());
      }
    }
    entry
        .putObject("variant_rules")
        .put("publish_latest_base", false)
        .put("publish_latest_base_conditionally", true);
    body.put("locale", locale);
    String path = V3 + "/content_types/" + seg(ct) + "/entries/" + seg(entryUid) + "/publish";
    return rest.call(
            "POST",
            path,
            body,
            RateBucket.CMA_WRITE,
            Map.of("api_version", ApiAssumptions.VARIANT_PUBLISH_API_VERSION),
            false,
            true)
        .as(PublishResult.class);
  }
}
