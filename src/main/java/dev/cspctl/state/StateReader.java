package dev.cspctl.state;

import dev.cspctl.api.ApiAssumptions;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.cma.CmaClient;
import dev.cspctl.api.personalize.PersonalizeClient;
import dev.cspctl.api.personalize.RemoteExperience;
import dev.cspctl.api.personalize.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads the live state with the fewest requests the APIs allow, issued concurrently on two small
 * executors, one per API (the shared rate buckets of the transport keep it within the limits).
 *
 * <p><b>Request count.</b> With E experiences, G variant groups and, for each scoped entry i,
 * V<sub>i</sub> variants:
 *
 * <ul>
 *   <li>Personalize = 5 + E: {@code GET /attributes}, {@code /events}, {@code /audiences}, {@code
 *       /experiences}, {@code /experiences-priority}, and one {@code GET
 *       /experiences/{uid}/versions} per experience ({@code _cms} comes with the list, so no
 *       per-experience GET).
 *   <li>CMA = max(1, ceil(G/100)) + Σ<sub>i∈scope</sub> max(1, ceil(V<sub>i</sub>/100)): variant
 *       groups with {@code include_variant_info=true} (100 per page), and one entry-variant list
 *       per scoped (content type, entry, locale), 100 per page; plus, when the scope asks for the
 *       stack settings, one {@code GET /v3/environments}, one {@code GET /v3/locales} and one
 *       {@code GET /v3/content_types}. (If the server omitted {@code count}, a list whose size is a
 *       multiple of 100 costs one more page.)
 *   <li>When the scope knows which experiences write each entry ({@link ReadScope#writers()}, the
 *       plan's scope): an entry none of whose writers is a live experience is not listed; instead
 *       one batched existence query per content type and 100 such entries ({@code GET
 *       …/entries?query={"uid":{"$in":[…]}}}) is issued for every entry with writers, at the start.
 *       An entry the query does not return is listed all the same (so an absence is found exactly
 *       as before). A project whose experiences are all new costs ceil(N/100) reads per content
 *       type instead of N.
 * </ul>
 *
 * <p><b>Scope.</b> Entry variants are read only for the {@link ReadScope}; entries outside it are
 * not discovered (the CMA has no cheap "entries with variants" query).
 *
 * <p>Retries are transparent (done by the transport) and not counted above.
 */
public final class StateReader {
  private final PersonalizeClient personalize;
  private final CmaClient cma;
  private final int parallelism;

  public StateReader(PersonalizeClient personalize, CmaClient cma) {
    this(personalize, cma, 4);
  }

  public StateReader(PersonalizeClient personalize, CmaClient cma, int parallelism) {
    this.personalize = personalize;
    this.cma = cma;
    this.parallelism = Math.max(1, parallelism);
  }

  /** The documented upper bound of requests for a state of the given shape. */
  public static int expectedPersonalizeRequests(int experiences) {
    return 5 + experiences;
  }

  public static int expectedCmaRequests(int variantGroups, List<Integer> variantsPerScopedEntry) {
    return expectedCmaRequests(variantGroups, variantsPerScopedEntry, false);
  }

  /**
   * With {@code stackSettings}: three more reads, environments, locales and content types (each
   * under 100).
   */
  public static int expectedCmaRequests(
      int variantGroups, List<Integer> variantsPerScopedEntry, boolean stackSettings) {
    int n = pages(variantGroups) + (stackSettings ? 3 : 0);
    for (int v : variantsPerScopedEntry) {
      n += pages(v);
    }
    return n;
  }

  private static int pages(int items) {
    return Math.max(1, (items + 99) / 100);
  }

  public LiveState read(ReadScope scope) {
    try {
      return readStaged(scope).full().join();
    } catch (CompletionException e) {
      throw unwrap(e);
    }
  }

  /**
   * The same reads, with two results: {@code full} is what {@link #read} returns; {@code early}
   * completes as soon as everything but the entry-variant lists is read, with that state (no entry
   * variants) when it is already certain that no scoped entry is missing (every entry has writers
   * and the existence queries found it), else with nothing. A plan of the early state differs from
   * the full one only in what depends on entry-variant content. The read's threads end once {@code
   * full} completes; a failure completes both exceptionally (fail fast).
   */
  public Staged readStaged(ReadScope scope) {
    // One pool per API: with a shared FIFO pool the per-experience version reads queued behind
    // every entry-variant read, so the two APIs' rate buckets were used one after the other
    // instead of at the same time (the benchmark's "plan with no changes": 1.28 x its bound).
    ExecutorService ex = pool("cspctl-read-personalize-");
    ExecutorService cx = pool("cspctl-read-cma-");
    try {
      var attributes = async(ex, personalize::listAttributes);
      var events = async(ex, personalize::listEvents);
      var audiences = async(ex, personalize::listAudiences);
      var priority = async(ex, personalize::getPriority);
      var experienceList = async(ex, personalize::listExperiences);
      var experiences =
          experienceList.thenCompose(
              list -> {
                List<CompletableFuture<LiveExperience>> each = new ArrayList<>();
                for (RemoteExperience e : list) {
                  each.add(
                      async(ex, () -> personalize.listVersions(e.uid()))
                          .thenApply((List<Version> vs) -> LiveMapper.experience(e, vs)));
                }
                return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                    .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
              });
      var groups = async(cx, cma::listAllVariantGroups);
      CompletableFuture<List<dev.cspctl.api.cma.Environment>> environments =
          scope.stackSettings()
              ? async(cx, cma::listEnvironments)
              : CompletableFuture.completedFuture(List.of());
      CompletableFuture<List<String>> locales =
          scope.stackSettings()
              ? async(cx, cma::listLocales)
              : CompletableFuture.completedFuture(List.of());
      CompletableFuture<List<String>> contentTypes =
          scope.stackSettings()
              ? async(cx, cma::listContentTypeUids)
              : CompletableFuture.completedFuture(List.of());
      // publish_details name environments by uid: map them once the environments are known
      CompletableFuture<Map<String, String>> environmentNames =
          environments.thenApply(
              list -> {
                Map<String, String> names = new HashMap<>();
                list.forEach(e -> names.put(e.uid(), e.name()));
                return names;
              });
      List<EntryKey> missing = java.util.Collections.synchronizedList(new ArrayList<>());
      List<CompletableFuture<List<LiveEntryVariant>>> entries = new ArrayList<>();
      CompletableFuture<Set<String>> liveNames =
          experienceList.thenApply(
              list -> list.stream().map(RemoteExperience::name).collect(Collectors.toSet()));
      Map<EntryKey, CompletableFuture<Boolean>> exists = existenceChecks(cx, scope);
      for (EntryKey k : scope.entries()) {
        CompletableFuture<Boolean> known = exists.get(k);
        CompletableFuture<List<dev.cspctl.api.cma.EntryVariant>> variants =
            known == null
                ? async(cx, () -> listOrMissing(k, missing))
                : liveNames.thenCompose(
                    names ->
                        scope.needsVariants(k, names)
                            ? async(cx, () -> listOrMissing(k, missing))
                            // no live writer: no variants to read; an absence is confirmed the
                            // way a full read finds it
                            : known.thenCompose(
                                found ->
                                    found
                                        ? CompletableFuture.completedFuture(List.of())
                                        : async(cx, () -> listOrMissing(k, missing))));
        entries.add(
            variants.thenCombine(
                environmentNames,
                (list, names) ->
                    list.stream().map(v -> LiveMapper.entryVariant(k, v, names)).toList()));
      }
      Reads reads =
          new Reads(
              scope,
              attributes,
              events,
              audiences,
              experiences,
              groups,
              priority,
              environments,
              environmentNames,
              locales,
              contentTypes);
      List<CompletableFuture<?>> all = new ArrayList<>(reads.futures());
      all.addAll(entries);
      CompletableFuture<?>[] arr = all.toArray(CompletableFuture[]::new);
      // Fail fast: the first failure completes this, and we stop waiting for the rest.
      CompletableFuture<Object> firstFailure = new CompletableFuture<>();
      for (CompletableFuture<?> f : arr) {
        var unused =
            f.whenComplete(
                (v, t) -> {
                  if (t != null) {
                    firstFailure.completeExceptionally(t);
                  }
                });
      }
      CompletableFuture<LiveState> full =
          CompletableFuture.anyOf(CompletableFuture.allOf(arr), firstFailure)
              .thenApply(
                  done -> {
                    List<LiveEntryVariant> entryVariants =
                        entries.stream().flatMap(f -> f.join().stream()).toList();
                    List<EntryKey> missingSorted =
                        missing.stream()
                            .sorted(java.util.Comparator.comparing(EntryKey::toString))
                            .toList();
                    return reads.state(entryVariants, missingSorted);
                  });
      var unusedShutdown =
          full.whenComplete(
              (v, t) -> {
                ex.shutdownNow();
                cx.shutdownNow();
              });
      boolean certain = scope.entries().stream().allMatch(exists::containsKey);
      // every future the early state joins: a join on one still to complete would block the
      // thread that is completing it (the early callback can run inside its postComplete)
      List<CompletableFuture<?>> beforeEntries = new ArrayList<>(reads.futures());
      beforeEntries.addAll(exists.values());
      CompletableFuture<Optional<LiveState>> early =
          CompletableFuture.anyOf(
                  CompletableFuture.allOf(beforeEntries.toArray(CompletableFuture[]::new)),
                  firstFailure)
              .thenApply(
                  done ->
                      certain && exists.values().stream().allMatch(CompletableFuture::join)
                          ? Optional.of(reads.state(List.of(), List.of()))
                          : Optional.empty());
      return new Staged(early, full);
    } catch (RuntimeException e) {
      ex.shutdownNow();
      cx.shutdownNow();
      throw e;
    }
  }

  /** The two results of {@link #readStaged}. */
  public record Staged(
      CompletableFuture<Optional<LiveState>> early, CompletableFuture<LiveState> full) {}

  /** The reads of a live state but its entry variants, and the state they make once done. */
  private record Reads(
      ReadScope scope,
      CompletableFuture<List<dev.cspctl.api.personalize.RemoteAttribute>> attributes,
      CompletableFuture<List<dev.cspctl.api.personalize.RemoteEvent>> events,
      CompletableFuture<List<dev.cspctl.api.personalize.RemoteAudience>> audiences,
      CompletableFuture<List<LiveExperience>> experiences,
      CompletableFuture<List<dev.cspctl.api.cma.VariantGroup>> groups,
      CompletableFuture<List<String>> priority,
      CompletableFuture<List<dev.cspctl.api.cma.Environment>> environments,
      CompletableFuture<Map<String, String>> environmentNames,
      CompletableFuture<List<String>> locales,
      CompletableFuture<List<String>> contentTypes) {
    List<CompletableFuture<?>> futures() {
      return List.of(
          attributes,
          events,
          audiences,
          priority,
          experiences,
          groups,
          environments,
          environmentNames,
          locales,
          contentTypes);
    }

    /** Only once every one of {@link #futures()} is done. */
    LiveState state(List<LiveEntryVariant> entryVariants, List<EntryKey> missingSorted) {
      LiveState.StackSettings stack =
          scope.stackSettings()
              ? new LiveState.StackSettings(
                  true, environmentNames.join(), locales.join(), contentTypes.join(), missingSorted)
              : LiveState.StackSettings.unread(missingSorted);
      return new LiveState(
          attributes.join().stream().map(LiveMapper::attribute).toList(),
          events.join().stream().map(LiveMapper::event).toList(),
          audiences.join().stream().map(LiveMapper::audience).toList(),
          experiences.join(),
          groups.join().stream().map(LiveMapper::group).toList(),
          entryVariants,
          priority.join(),
          stack);
    }
  }

  /**
   * One batched existence query per content type and 100 entries, for the entries with known
   * writers (only those can skip the variant list).
   */
  private Map<EntryKey, CompletableFuture<Boolean>> existenceChecks(
      ExecutorService cx, ReadScope scope) {
    Map<String, Set<String>> uidsByType = new LinkedHashMap<>();
    for (EntryKey k : scope.entries()) {
      if (scope.writers().containsKey(k))
        uidsByType.computeIfAbsent(k.contentType(), t -> new LinkedHashSet<>()).add(k.entryUid());
    }
    Map<String, CompletableFuture<Set<String>>> byTypeAndUid = new HashMap<>();
    uidsByType.forEach(
        (ct, uids) -> {
          List<String> all = List.copyOf(uids);
          for (int from = 0; from < all.size(); from += ApiAssumptions.CMA_PAGE_LIMIT) {
            List<String> chunk =
                all.subList(from, Math.min(all.size(), from + ApiAssumptions.CMA_PAGE_LIMIT));
            CompletableFuture<Set<String>> found = async(cx, () -> existingOrNone(ct, chunk));
            chunk.forEach(uid -> byTypeAndUid.put(ct + "/" + uid, found));
          }
        });
    Map<EntryKey, CompletableFuture<Boolean>> out = new HashMap<>();
    for (EntryKey k : scope.entries()) {
      var found = byTypeAndUid.get(k.contentType() + "/" + k.entryUid());
      if (found != null) out.put(k, found.thenApply(set -> set.contains(k.entryUid())));
    }
    return out;
  }

  /** The existing entries among these; none when the content type is unknown. */
  private Set<String> existingOrNone(String ct, List<String> uids) {
    try {
      return cma.existingEntryUids(ct, uids);
    } catch (RemoteApiException e) {
      if (e.status() == 404 || e.status() == 422) return Set.of();
      throw e;
    }
  }

  /**
   * An entry's variants; an entry or content type the CMA does not know (404, or its 422 "not
   * valid"/"not found") is recorded as missing, for the planner to report against the spec.
   */
  private List<dev.cspctl.api.cma.EntryVariant> listOrMissing(EntryKey k, List<EntryKey> missing) {
    try {
      return cma.listAllEntryVariants(k.contentType(), k.entryUid(), k.locale());
    } catch (RemoteApiException e) {
      if (e.status() == 404 || e.status() == 422) {
        missing.add(k);
        return List.of();
      }
      throw e;
    }
  }

  /**
   * Only what the reference check needs without reading any entry: attributes, events, audiences
   * and the stack's environments, locales and content types (6 requests, in parallel). Apply checks
   * references with it before it takes the project lock, so that a spec naming something that
   * exists nowhere makes it write nothing at all.
   */
  public LiveState readReferencesOnly() {
    ExecutorService ex = pool("cspctl-precheck-");
    try {
      var attributes = async(ex, personalize::listAttributes);
      var events = async(ex, personalize::listEvents);
      var audiences = async(ex, personalize::listAudiences);
      var environments = async(ex, cma::listEnvironments);
      var locales = async(ex, cma::listLocales);
      var contentTypes = async(ex, cma::listContentTypeUids);
      CompletableFuture.allOf(attributes, events, audiences, environments, locales, contentTypes)
          .join();
      Map<String, String> names = new HashMap<>();
      environments.join().forEach(e -> names.put(e.uid(), e.name()));
      return new LiveState(
          attributes.join().stream().map(LiveMapper::attribute).toList(),
          events.join().stream().map(LiveMapper::event).toList(),
          audiences.join().stream().map(LiveMapper::audience).toList(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          new LiveState.StackSettings(true, names, locales.join(), contentTypes.join(), List.of()));
    } catch (CompletionException e) {
      throw unwrap(e);
    } finally {
      ex.shutdownNow();
    }
  }

  private ExecutorService pool(String name) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        parallelism,
        r -> {
          Thread t = new Thread(r, name + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  private static <T> CompletableFuture<T> async(ExecutorService ex, Supplier<T> s) {
    return CompletableFuture.supplyAsync(s, ex);
  }

  private static RuntimeException unwrap(CompletionException e) {
    Throwable t = e;
    while ((t instanceof CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof RemoteApiException r) {
      return r;
    }
    return t instanceof RuntimeException r ? r : e;
  }
}
