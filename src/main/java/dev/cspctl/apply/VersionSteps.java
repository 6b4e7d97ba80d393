package dev.cspctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.api.ApiAssumptions;
import dev.cspctl.api.personalize.AbTargeting;
import dev.cspctl.api.personalize.Experience;
import dev.cspctl.api.personalize.Metric;
import dev.cspctl.api.personalize.MetricType;
import dev.cspctl.api.personalize.PersonalizeClient;
import dev.cspctl.api.personalize.Variant;
import dev.cspctl.api.personalize.Version;
import dev.cspctl.api.personalize.VersionInput;
import dev.cspctl.api.personalize.VersionStatus;
import dev.cspctl.plan.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Experience versions: new draft (beside the active one), configure (full body, shortUids kept), pause, wait for the
 * asynchronous CMS sync, activate, and the re-read of {@code _cms} after activation. Every step
 * reads the versions first, so a re-run after any failure finds its way.
 */
final class VersionSteps {
  private final ApplyContext ctx;
  private final ContentSteps content;

  private final VariantUids variantUids;

  VersionSteps(ApplyContext ctx, ContentSteps content, VariantUids variants) {
    this.ctx = ctx;
    this.content = content;
    this.variantUids = variants;
  }

  String run(Step step) {
    JsonNode a = step.args();
    String name = a.path("experience").asText();
    String uid = a.hasNonNull("experienceUid") ? a.get("experienceUid").asText()
        : UidRegistry.require(ctx.uids().experiences, "experience", name);
    PersonalizeClient client = ctx.personalize().about(StepRunner.ref("experience", name));
    return switch (step.type()) {
      case PAUSE_VERSION -> pause(client, uid);
      case CREATE_DRAFT_VERSION -> createDraft(client, name, uid);
      case CONFIGURE_VERSION -> configure(client, name, uid, a);
      case WAIT_CMS -> waitCms(client, name, uid, a);
      case ACTIVATE_VERSION -> activate(client, name, uid);
      case REFRESH_CMS -> refresh(client, name, uid);
      default -> throw new IllegalArgumentException(step.type().name());
    };
  }



  private String pause(PersonalizeClient client, String uid) {
    Optional<Version> active = VariantUids.withStatus(client.listVersions(uid), VersionStatus.ACTIVE);
    if (active.isEmpty()) return "not active; nothing to pause";
    Version v = active.get();
    client.updateVersion(uid, v.uid(), v.withStatus(VersionStatus.PAUSED));
    return "paused version " + v.uid();
  }

  private String createDraft(PersonalizeClient client, String name, String uid) {
    Version draft;
    try {
      draft = Writes.createOnce("create a draft version",
          () -> client.createVersion(uid, VersionInput.draft()),
          () -> VariantUids.withStatus(client.listVersions(uid), VersionStatus.DRAFT));
    } catch (dev.cspctl.api.RemoteApiException e) {
      List<Version> versions = client.listVersions(uid);
      boolean refusedBesideActive = e.status() == 400 && VariantUids.withStatus(versions, VersionStatus.ACTIVE).isPresent()
          && VariantUids.withStatus(versions, VersionStatus.DRAFT).isEmpty();
      if (!refusedBesideActive) throw e;
      throw new ApplyException("experience '" + name + "': the service refused a new draft beside the active version ("
          + e.getMessage() + "); nothing was changed and the active version still serves. To change it by pausing it first"
          + " (visitors then see base entries until the new version is active), plan and apply again with "
          + dev.cspctl.api.ApiAssumptions.DRAFT_BESIDE_ACTIVE_VARIABLE + "=false", e);
    }
    return "draft " + draft.uid();
  }

  private String configure(PersonalizeClient client, String name, String uid, JsonNode a) {
    String createdDraft = ctx.uids().createdDrafts.remove(name);
    Version draft = createdDraft != null
        // Just created: the API made an empty draft and told us its uid.
        ? new Version(createdDraft, VersionStatus.DRAFT, List.of(), List.of())
        : VariantUids.withStatus(client.listVersions(uid), VersionStatus.DRAFT)
            .orElseThrow(() -> new ApplyException("experience '" + name + "' has no draft version to configure"));
    boolean ab = "AB_TEST".equals(a.path("type").asText());
    List<Variant> variants = new ArrayList<>();
    for (JsonNode v : a.path("variants")) {
      String shortUid = v.hasNonNull("shortUid") ? v.get("shortUid").asText() : null;
      if (shortUid == null) shortUid = existingShortUid(draft, v.path("name").asText());
      if (ab) {
        Integer traffic = null;
        if (v.hasNonNull("traffic")) traffic = v.get("traffic").asInt();
        else if (!ApiAssumptions.EQUAL_SPLIT_OMITS_SHARES) traffic = equalShare(a.path("variants").size(), variants.size());
        variants.add(Variant.abTest(v.path("name").asText(), shortUid, traffic));
      } else {
        List<String> audiences = new ArrayList<>();
        for (JsonNode n : v.path("audiences")) audiences.add(UidRegistry.require(ctx.uids().audiences, "audience", n.asText()));
        List<String> lytics = new ArrayList<>();
        v.path("lyticsAudiences").forEach(n -> lytics.add(n.asText()));
        variants.add(Variant.segmented(v.path("name").asText(), shortUid, audiences, lytics, v.path("match").asText("OR")));
      }
    }
    List<Metric> metrics = new ArrayList<>();
    for (JsonNode m : a.path("metrics")) {
      String event = m.path("event").asText();
      metrics.add(new Metric(m.path("primary").asBoolean() ? MetricType.PRIMARY : MetricType.SECONDARY,
          UidRegistry.require(ctx.uids().events, "event", event), event));
    }
    JsonNode targeting = null;
    String split = null;
    if (ab) {
      split = "equal".equals(a.path("split").asText()) ? ApiAssumptions.EQUAL_SPLIT : ApiAssumptions.CUSTOM_SPLIT;
      List<String> targetUids = new ArrayList<>();
      for (JsonNode n : a.path("targeting").path("audiences")) {
        targetUids.add(UidRegistry.require(ctx.uids().audiences, "audience", n.asText()));
      }
      targeting = AbTargeting.toWire(new AbTargeting.Group(targetUids, a.path("targeting").path("match").asText("OR")));
    }
    Version result = client.updateVersion(uid, draft.uid(), new VersionInput(VersionStatus.DRAFT, variants, metrics, targeting, split));
    variantUids.remember(name, result);
    ctx.uids().drafts.put(name, result);
    return "configured draft " + draft.uid() + " with " + variants.size() + " variants";
  }

  /** The i-th of n equal shares of 100 (the first ones take the remainder). */
  static int equalShare(int n, int i) {
    return 100 / n + (i < 100 % n ? 1 : 0);
  }

  /** A re-run after a crash finds variants it already configured in the draft: keep their shortUids. */
  private static String existingShortUid(Version draft, String variantName) {
    return draft.variants().stream().filter(v -> variantName.equals(v.name())).map(Variant::shortUid).findFirst().orElse(null);
  }

  private String waitCms(PersonalizeClient client, String name, String uid, JsonNode a) {
    Map<String, String> shortUids = variantUids.shortUids(name, null);
    List<String> needed = new ArrayList<>();
    for (JsonNode v : a.path("variants")) {
      String s = shortUids.get(v.asText());
      if (s != null) needed.add(s);
    }
    long deadline = System.nanoTime() + ctx.cmsTimeout().toNanos();
    Duration delay = ctx.cmsFirstPoll();
    int polls = 0;
    while (true) {
      Experience e = client.getExperience(uid);
      polls++;
      if (e.cmsReady() && e.cms().variants().keySet().containsAll(needed)) {
        ctx.uids().variantGroups.put(name, e.cms().variantGroup());
        ctx.uids().cmsVariants.put(name, new ConcurrentHashMap<>(e.cms().variants()));
        return "variant group " + e.cms().variantGroup() + " after " + polls + " poll(s)";
      }
      if (System.nanoTime() + delay.toNanos() > deadline) {
        throw new ApplyException("experience '" + name + "': the CMS variant group did not appear within "
            + ctx.cmsTimeout().toSeconds() + " s (" + polls + " polls of GET /experiences/" + uid + "); re-run apply to resume");
      }
      sleep(delay);
      delay = Duration.ofMillis(Math.min(5000, (long) (delay.toMillis() * 1.6) + 1));
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApplyException("interrupted while waiting for the CMS sync");
    }
  }

  private String activate(PersonalizeClient client, String name, String uid) {
    Version configured = ctx.uids().drafts.remove(name);
    if (configured != null) {
      // Configured in this run: activate it with the body we sent, without re-reading.
      client.updateVersion(uid, configured.uid(), configured.withStatus(VersionStatus.ACTIVE));
      return "activated version " + configured.uid();
    }
    List<Version> versions = client.listVersions(uid);
    Optional<Version> target = VariantUids.withStatus(versions, VersionStatus.DRAFT).or(() -> VariantUids.withStatus(versions, VersionStatus.PAUSED));
    if (target.isEmpty()) {
      if (VariantUids.withStatus(versions, VersionStatus.ACTIVE).isPresent()) return "already active";
      throw new ApplyException("no draft or paused version to activate");
    }
    Version v = target.get();
    client.updateVersion(uid, v.uid(), v.withStatus(VersionStatus.ACTIVE));
    return "activated version " + v.uid();
  }

  private String refresh(PersonalizeClient client, String name, String uid) {
    Experience e = client.getExperience(uid);
    Map<String, String> before = ctx.uids().cmsVariants.getOrDefault(name, Map.of());
    Map<String, String> now = e.cms() == null ? Map.of() : e.cms().variants();
    Map<String, String> changed = new HashMap<>();
    for (var entry : now.entrySet()) {
      String old = before.get(entry.getKey());
      if (old != null && !old.equals(entry.getValue())) changed.put(entry.getKey(), entry.getValue());
    }
    ctx.uids().cmsVariants.put(name, new ConcurrentHashMap<>(now));
    if (changed.isEmpty()) return "CMS variant uids unchanged";
    int rewritten = content.rewrite(name, changed.keySet());
    return "CMS variant uids changed for shortUid(s) " + changed.keySet() + "; rewrote " + rewritten + " entry variant(s)";
  }
}
