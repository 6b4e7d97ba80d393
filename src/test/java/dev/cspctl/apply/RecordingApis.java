package dev.cspctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.api.Api;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResourceRef;
import dev.cspctl.api.ResponseLostException;
import dev.cspctl.api.cma.ContentTypeLink;
import dev.cspctl.api.cma.VariantGroup;
import dev.cspctl.api.personalize.ExperienceCms;
import dev.cspctl.api.personalize.RemoteAttribute;
import dev.cspctl.api.personalize.RemoteAudience;
import dev.cspctl.api.personalize.RemoteEvent;
import dev.cspctl.api.personalize.RemoteExperience;
import dev.cspctl.api.personalize.RemoteVariant;
import dev.cspctl.api.personalize.Version;
import dev.cspctl.api.personalize.VersionInput;
import dev.cspctl.spec.ExperienceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A hand-written, in-memory stand-in for both APIs apply talks to, in the manner of
 * java-operator-sdk's recording test dependents: it keeps attributes, events, audiences,
 * experiences with their versions, each experience's CMS variant group (synced after a configurable
 * number of polls), entry variants, publishes and the priority, and records every call (method and
 * key arguments) in order. It can be told to fail a call with a status, or to lose its reply after
 * doing it. Not a model of the service: only what the step logic relies on. {@link #personalize()}
 * and {@link #cma()} are the two ports; {@link RecordingApisAssert} reads the history.
 */
final class RecordingApis {
  /**
   * One recorded call: the port method, its key arguments (uids or natural keys, as strings), the
   * body it was given (or null), and the resource its view was scoped to with {@code about}.
   */
  record Call(String method, List<String> args, Object body, ResourceRef scope) {
    boolean matches(String m, String... prefix) {
      if (!method.equals(m) || prefix.length > args.size()) return false;
      for (int i = 0; i < prefix.length; i++)
        if (!Objects.equals(prefix[i], args.get(i))) return false;
      return true;
    }

    @Override
    public String toString() {
      return method + "(" + String.join(", ", args) + ")";
    }
  }

  /** An experience as the fake holds it: mutable, guarded by the fake's monitor. */
  static final class Exp {
    final String uid;
    String name;
    String description;
    ExperienceType type;
    List<String> tags;
    final List<Version> versions = new ArrayList<>();
    ExperienceCms cms;
    ExperienceCms pendingCms;
    int pollsLeft;

    Exp(String uid, String name, String description, ExperienceType type, List<String> tags) {
      this.uid = uid;
      this.name = name;
      this.description = description;
      this.type = type;
      this.tags = tags;
    }

    RemoteExperience view() {
      String latest = versions.isEmpty() ? null : versions.get(versions.size() - 1).uid();
      return new RemoteExperience(
          uid,
          name,
          description,
          type,
          "x" + uid.substring(20),
          null,
          latest,
          cms,
          List.of(),
          List.of(),
          tags);
    }
  }

  private record Failure(String method, List<String> args, int status, boolean lostReply) {}

  private final List<Call> calls = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  private int next = 1;
  private int cmsPolls = 1;

  final Map<String, RemoteAttribute> attributes = new LinkedHashMap<>();
  final Map<String, RemoteEvent> events = new LinkedHashMap<>();
  final Map<String, RemoteAudience> audiences = new LinkedHashMap<>();
  final Map<String, Exp> experiences = new LinkedHashMap<>();
  final List<String> priority = new ArrayList<>();
  final Map<String, VariantGroup> variantGroups = new LinkedHashMap<>();

  /** Entry variant content by {@link #entryKey}. */
  final Map<String, JsonNode> entryVariants = new LinkedHashMap<>();

  private final FakePersonalize personalize = new FakePersonalize(this, null);
  private final FakeCma cma = new FakeCma(this, null);

  FakePersonalize personalize() {
    return personalize;
  }

  FakeCma cma() {
    return cma;
  }

  // --- set-up ----------------------------------------------------------------------------------

  /** A fresh Personalize uid (24 hex). */
  synchronized String uid() {
    return String.format("%024x", next++);
  }

  /** A fresh CMS uid (cs + 16 hex). */
  synchronized String cmsUid() {
    return String.format("cs%016x", next++);
  }

  /**
   * How many polls of GET /experiences/{uid} the CMS sync of a configured version takes (the Nth
   * sees it).
   */
  synchronized RecordingApis cmsSyncAfterPolls(int polls) {
    this.cmsPolls = polls;
    return this;
  }

  /**
   * The next call of {@code method} whose key arguments start with {@code args} fails with {@code
   * status}.
   */
  synchronized RecordingApis failNext(String method, int status, String... args) {
    failures.add(new Failure(method, List.of(args), status, false));
    return this;
  }

  /** The next such call takes effect, but its reply is lost ({@link ResponseLostException}). */
  synchronized RecordingApis loseReplyOfNext(String method, String... args) {
    failures.add(new Failure(method, List.of(args), 0, true));
    return this;
  }

  /** Forgets the calls made so far (after set-up through the ports). */
  synchronized void clearCalls() {
    calls.clear();
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The recorded calls of one method, in order. */
  synchronized List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  synchronized Exp experience(String name) {
    return experiences.values().stream()
        .filter(e -> e.name.equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no experience " + name));
  }

  /** Sets an experience's CMS variant group (creating the CMA group) and its variants now. */
  synchronized void setCms(String experience, String group, Map<String, String> variants) {
    Exp e = experience(experience);
    e.cms = new ExperienceCms(group, new TreeMap<>(variants));
    variantGroups.putIfAbsent(
        group, new VariantGroup(group, experience, List.of(), null, List.of(), List.of(), null));
  }

  static String entryKey(String ct, String entry, String variantUid, String locale) {
    return ct + "/" + entry + "/" + variantUid + "/" + locale;
  }

  // --- what the ports call ---------------------------------------------------------------------

  /** Records the call, applies a matching failure, runs {@code effect}. */
  synchronized <T> T call(
      Api api,
      ResourceRef scope,
      String method,
      Object body,
      List<String> args,
      Supplier<T> effect) {
    calls.add(new Call(method, List.copyOf(args), body, scope));
    Failure f = takeFailure(method, args);
    if (f != null && !f.lostReply())
      throw new RemoteApiException(api, "FAKE", method, f.status(), "injected", scope);
    T result = effect.get();
    if (f != null) throw new ResponseLostException(api, "POST", method, "injected", scope, null);
    return result;
  }

  private Failure takeFailure(String method, List<String> args) {
    for (Iterator<Failure> it = failures.iterator(); it.hasNext(); ) {
      Failure f = it.next();
      if (new Call(method, args, null, null).matches(f.method(), f.args().toArray(String[]::new))) {
        it.remove();
        return f;
      }
    }
    return null;
  }

  static RemoteApiException notFound(Api api, String method, ResourceRef scope) {
    return new RemoteApiException(api, "FAKE", method, 404, "not found", scope);
  }

  static List<String> args(Object... values) {
    return Arrays.stream(values).map(String::valueOf).toList();
  }

  /**
   * PUT of a version: keeps the body, mints shortUids for new variants and, when the CMS holds no
   * variant for one of them, starts the asynchronous sync (seen after {@link #cmsSyncAfterPolls}).
   */
  Version putVersion(Exp e, String versionUid, VersionInput in) {
    int at = -1;
    for (int i = 0; i < e.versions.size(); i++)
      if (e.versions.get(i).uid().equals(versionUid)) at = i;
    if (at < 0) throw notFound(Api.PERSONALIZE, "updateVersion", null);
    List<RemoteVariant> variants = new ArrayList<>();
    for (RemoteVariant v : in.variants() == null ? List.<RemoteVariant>of() : in.variants()) {
      String shortUid = v.shortUid() != null ? v.shortUid() : "s" + String.format("%03x", next++);
      variants.add(
          new RemoteVariant(
              v.type(),
              v.name(),
              shortUid,
              v.audiences(),
              v.lyticsAudiences(),
              v.audienceCombinationType(),
              v.trafficDistribution(),
              v.target()));
    }
    Version saved =
        new Version(
            versionUid,
            in.status(),
            variants,
            in.metrics() == null ? List.of() : in.metrics(),
            in.targeting(),
            in.variantSplit());
    e.versions.set(at, saved);
    Map<String, String> synced = new TreeMap<>(e.cms == null ? Map.of() : e.cms.variants());
    boolean missing = false;
    for (RemoteVariant v : variants) {
      if (!synced.containsKey(v.shortUid())) {
        synced.put(v.shortUid(), cmsUid());
        missing = true;
      }
    }
    if (missing) {
      String group =
          e.cms != null && e.cms.variantGroup() != null ? e.cms.variantGroup() : cmsUid();
      e.pendingCms = new ExperienceCms(group, synced);
      e.pollsLeft = cmsPolls;
    }
    return saved;
  }

  /** GET of an experience: one poll nearer to the pending CMS sync. */
  RemoteExperience getExperience(Exp e) {
    if (e.pendingCms != null && --e.pollsLeft <= 0) {
      e.cms = e.pendingCms;
      e.pendingCms = null;
      variantGroups.putIfAbsent(
          e.cms.variantGroup(),
          new VariantGroup(
              e.cms.variantGroup(), e.name, List.of(), null, List.of(), List.of(), null));
    }
    return e.view();
  }

  void link(String groupUid, List<ContentTypeLink> links) {
    VariantGroup g = variantGroups.get(groupUid);
    if (g == null) throw notFound(Api.CMA, "linkContentTypes", null);
    variantGroups.put(
        groupUid, new VariantGroup(g.uid(), g.name(), links, null, List.of(), List.of(), null));
  }
}
