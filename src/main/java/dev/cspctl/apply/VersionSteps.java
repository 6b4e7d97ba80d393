package dev.cspctl.apply;

import dev.cspctl.api.ApiAssumptions;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.http.Sleeper;
import dev.cspctl.api.personalize.AbTargeting;
import dev.cspctl.api.personalize.CmsSyncWaiter;
import dev.cspctl.api.personalize.MetricType;
import dev.cspctl.api.personalize.PersonalizePort;
import dev.cspctl.api.personalize.RemoteExperience;
import dev.cspctl.api.personalize.RemoteMetric;
import dev.cspctl.api.personalize.RemoteVariant;
import dev.cspctl.api.personalize.Version;
import dev.cspctl.api.personalize.VersionInput;
import dev.cspctl.api.personalize.VersionStatus;
import dev.cspctl.apply.StepResult.CmsSynced;
import dev.cspctl.apply.StepResult.Done;
import dev.cspctl.apply.StepResult.VersionConfigured;
import dev.cspctl.plan.Op;
import dev.cspctl.spec.Match;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Experience versions: new draft (beside the active one), configure (full body, shortUids kept),
 * pause, wait for the asynchronous CMS sync, activate, and the re-read of {@code _cms} after
 * activation. A step that does not know a version from its ancestors' results reads the versions
 * first, so a re-run after any failure finds its way.
 */
final class VersionSteps {
  /** The CLI polls every 5 s; cspctl backs off to that. */
  private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(5);

  private final ApplyContext ctx;
  private final ContentSteps content;
  private final CmsSyncEstimate syncEstimate = new CmsSyncEstimate();

  VersionSteps(ApplyContext ctx, ContentSteps content) {
    this.ctx = ctx;
    this.content = content;
  }

  private PersonalizePort client(String experience) {
    return ctx.personalize().about(StepRunner.ref("experience", experience));
  }

  private static String uid(Inputs in, String experience, String knownUid) {
    return knownUid != null ? knownUid : in.experienceUid(experience);
  }

  StepResult pause(Op.PauseVersion op, Inputs in) {
    PersonalizePort client = client(op.experience());
    String uid = uid(in, op.experience(), op.experienceUid());
    Optional<Version> active = Inputs.withStatus(client.listVersions(uid), VersionStatus.ACTIVE);
    if (active.isEmpty()) return new Done("not active; nothing to pause");
    Version v = active.get();
    client.updateVersion(uid, v.uid(), v.withStatus(VersionStatus.PAUSED));
    return new Done("paused version " + v.uid());
  }

  StepResult createDraft(Op.CreateDraftVersion op, Inputs in) {
    PersonalizePort client = client(op.experience());
    String uid = uid(in, op.experience(), op.experienceUid());
    String name = op.experience();
    Version draft;
    try {
      draft =
          Writes.createOnce(
              "create a draft version",
              () -> client.createVersion(uid, VersionInput.draft()),
              () -> Inputs.withStatus(client.listVersions(uid), VersionStatus.DRAFT));
    } catch (dev.cspctl.api.RemoteApiException e) {
      List<Version> versions = client.listVersions(uid);
      boolean refusedBesideActive =
          e.status() == 400
              && Inputs.withStatus(versions, VersionStatus.ACTIVE).isPresent()
              && Inputs.withStatus(versions, VersionStatus.DRAFT).isEmpty();
      if (!refusedBesideActive) throw e;
      throw new ApplyException(
          "experience '"
              + name
              + "': the service refused a new draft beside the active version ("
              + e.getMessage()
              + "); nothing was changed and the active version still serves. To change it by pausing it first"
              + " (visitors then see base entries until the new version is active), plan and apply again with "
              + dev.cspctl.api.ApiAssumptions.DRAFT_BESIDE_ACTIVE_VARIABLE
              + "=false",
          e);
    }
    // A draft this apply created is empty unless a re-run found one it made before: then read it.
    return new StepResult.DraftCreated(
        name, draft.variants().isEmpty() ? draft.uid() : null, "draft " + draft.uid());
  }

  StepResult configure(Op.ConfigureVersion op, Inputs in) {
    String name = op.experience();
    PersonalizePort client = client(name);
    String uid = in.experienceUid(name);
    Optional<String> created = op.versionUid() == null ? in.createdDraft(name) : Optional.empty();
    Version draft =
        created.isPresent()
            // Just created: the API made an empty draft and told us its uid.
            ? new Version(created.get(), VersionStatus.DRAFT, List.of(), List.of())
            : Inputs.withStatus(client.listVersions(uid), VersionStatus.DRAFT)
                .orElseThrow(
                    () ->
                        new ApplyException(
                            "experience '" + name + "' has no draft version to configure"));
    boolean ab = op.abTest();
    List<RemoteVariant> variants = new ArrayList<>();
    for (Op.VariantConfig v : op.variants()) {
      String shortUid = v.shortUid() != null ? v.shortUid() : existingShortUid(draft, v.name());
      if (ab) {
        Integer traffic = v.traffic();
        if (traffic == null && !ApiAssumptions.EQUAL_SPLIT_OMITS_SHARES)
          traffic = equalShare(op.variants().size(), variants.size());
        variants.add(RemoteVariant.abTest(v.name(), shortUid, traffic));
      } else {
        List<String> audiences = v.audiences().stream().map(in::audienceUid).toList();
        variants.add(
            RemoteVariant.segmented(
                v.name(), shortUid, audiences, v.lyticsAudiences(), wireMatch(v.match())));
      }
    }
    List<RemoteMetric> metrics = new ArrayList<>();
    for (Op.MetricConfig m : op.metrics()) {
      metrics.add(
          new RemoteMetric(
              m.primary() ? MetricType.PRIMARY : MetricType.SECONDARY,
              in.eventUid(m.event()),
              m.event()));
    }
    com.fasterxml.jackson.databind.JsonNode targeting = null;
    String split = null;
    if (ab) {
      split = op.equalSplit() ? ApiAssumptions.EQUAL_SPLIT : ApiAssumptions.CUSTOM_SPLIT;
      Op.Targeting t = op.targeting();
      List<String> targetUids =
          t == null ? List.of() : t.audiences().stream().map(in::audienceUid).toList();
      targeting =
          AbTargeting.toWire(
              new AbTargeting.Group(targetUids, wireMatch(t == null ? Match.ANY : t.match())));
    }
    Version result =
        client.updateVersion(
            uid,
            draft.uid(),
            new VersionInput(VersionStatus.DRAFT, variants, metrics, targeting, split));
    String configured =
        "configured draft " + draft.uid() + " with " + variants.size() + " variants";
    List<String> needed =
        result.variants().stream().map(RemoteVariant::shortUid).filter(s -> s != null).toList();
    Map<String, String> known = in.cmsVariants(name);
    Optional<String> group = in.live().variantGroup(name);
    if (group.isPresent() && known.keySet().containsAll(needed)) {
      // Every variant kept its shortUid: the CMS already holds them, nothing to wait for.
      return new VersionConfigured(
          name, result, new CmsSynced(name, group.get(), known, ""), configured);
    }
    CmsSynced synced = awaitCms(client, name, uid, needed, System.nanoTime());
    return new VersionConfigured(name, result, synced, configured + "; " + synced.message());
  }

  private static String wireMatch(Match m) {
    return dev.cspctl.api.ApiNames.match(m);
  }

  /** The i-th of n equal shares of 100 (the first ones take the remainder). */
  static int equalShare(int n, int i) {
    return 100 / n + (i < 100 % n ? 1 : 0);
  }

  /**
   * A re-run after a crash finds variants it already configured in the draft: keep their shortUids.
   */
  private static String existingShortUid(Version draft, String variantName) {
    return draft.variants().stream()
        .filter(v -> variantName.equals(v.name()))
        .map(RemoteVariant::shortUid)
        .findFirst()
        .orElse(null);
  }

  /**
   * Polls the experience (backing off) until its CMS variant group holds a variant for each
   * shortUid.
   */
  private CmsSynced awaitCms(
      PersonalizePort client, String name, String uid, List<String> needed, long putReturned) {
    sleep(syncEstimate.firstPollDelay(Duration.ofNanos(System.nanoTime() - putReturned)));
    CmsSyncWaiter waiter =
        new CmsSyncWaiter(
            client, Sleeper.REAL, ctx.cmsFirstPoll(), MAX_POLL_INTERVAL, ctx.cmsTimeout());
    try {
      CmsSyncWaiter.Synced synced = waiter.awaitCounting(uid, needed, null);
      // the sync was done when the successful poll left, not when its answer came back
      syncEstimate.observe(Duration.ofNanos(synced.foundBySentAtNanos() - putReturned));
      RemoteExperience e = synced.experience();
      return new CmsSynced(
          name,
          e.cms().variantGroup(),
          e.cms().variants(),
          "variant group " + e.cms().variantGroup() + " after " + synced.polls() + " poll(s)");
    } catch (RemoteApiException e) {
      if (e.status() != 0) throw e;
      throw new ApplyException(
          "experience '"
              + name
              + "': the CMS variant group did not appear in time: "
              + e.serverMessage()
              + "; re-run apply to resume",
          e);
    }
  }

  private static void sleep(Duration d) {
    if (d.isZero()) return;
    try {
      Sleeper.REAL.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApplyException("interrupted while waiting for the CMS sync");
    }
  }

  StepResult activate(Op.ActivateVersion op, Inputs in) {
    String name = op.experience();
    PersonalizePort client = client(name);
    String uid = in.experienceUid(name);
    Optional<Version> configured = in.configuredVersion(name);
    if (configured.isPresent()) {
      // Configured in this run: activate it with the body we sent, without re-reading.
      client.updateVersion(
          uid, configured.get().uid(), configured.get().withStatus(VersionStatus.ACTIVE));
      return new Done("activated version " + configured.get().uid());
    }
    List<Version> versions = client.listVersions(uid);
    Optional<Version> target =
        Inputs.withStatus(versions, VersionStatus.DRAFT)
            .or(() -> Inputs.withStatus(versions, VersionStatus.PAUSED));
    if (target.isEmpty()) {
      if (Inputs.withStatus(versions, VersionStatus.ACTIVE).isPresent())
        return new Done("already active");
      throw new ApplyException("no draft or paused version to activate");
    }
    Version v = target.get();
    client.updateVersion(uid, v.uid(), v.withStatus(VersionStatus.ACTIVE));
    return new Done("activated version " + v.uid());
  }

  StepResult refresh(Op.RefreshCms op, Inputs in) {
    String name = op.experience();
    RemoteExperience e = client(name).getExperience(in.experienceUid(name));
    Map<String, String> before = in.cmsVariants(name);
    Map<String, String> now = e.cms() == null ? Map.of() : e.cms().variants();
    Map<String, String> changed = new HashMap<>();
    for (var entry : now.entrySet()) {
      String old = before.get(entry.getKey());
      if (old != null && !old.equals(entry.getValue()))
        changed.put(entry.getKey(), entry.getValue());
    }
    String group = e.cms() == null ? null : e.cms().variantGroup();
    if (changed.isEmpty()) return new CmsSynced(name, group, now, "CMS variant uids unchanged");
    int rewritten = content.rewrite(name, changed, in);
    return new CmsSynced(
        name,
        group,
        now,
        "CMS variant uids changed for shortUid(s) "
            + changed.keySet()
            + "; rewrote "
            + rewritten
            + " entry variant(s)");
  }
}
