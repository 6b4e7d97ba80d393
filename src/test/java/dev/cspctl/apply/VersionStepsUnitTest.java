package dev.cspctl.apply;

import static dev.cspctl.apply.RecordingApisAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cspctl.api.ApiAssumptions;
import dev.cspctl.api.personalize.RemoteVariant;
import dev.cspctl.api.personalize.Version;
import dev.cspctl.api.personalize.VersionInput;
import dev.cspctl.api.personalize.VersionStatus;
import dev.cspctl.apply.StepResult.AudienceWritten;
import dev.cspctl.apply.StepResult.CmsSynced;
import dev.cspctl.apply.StepResult.Done;
import dev.cspctl.apply.StepResult.DraftCreated;
import dev.cspctl.apply.StepResult.EntryVariantWritten;
import dev.cspctl.apply.StepResult.ExperienceWritten;
import dev.cspctl.apply.StepResult.VersionConfigured;
import dev.cspctl.plan.Op;
import dev.cspctl.plan.Op.VariantConfig;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Match;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pause, new draft, configure (and the CMS sync wait), activate and the CMS refresh, against {@link
 * RecordingApis}.
 */
class VersionStepsUnitTest {
  private final StepHarness h = new StepHarness();

  private VersionInput body(int call) {
    return (VersionInput) h.apis.calls("updateVersion").get(call).body();
  }

  // --- pause --------------------------------------------------------------------------------

  @Test
  void pauseRestatesTheActiveVersionAsPaused() {
    String uid = h.experience("Hero");
    Version active = h.withStatus("Hero", h.configured("Hero", "A"), VersionStatus.ACTIVE);
    StepResult r = h.planned().run(new Op.PauseVersion("Hero", uid, active.uid()));
    assertThat(r).isEqualTo(new Done("paused version " + active.uid()));
    assertThat(h.apis)
        .calls()
        .containsExactly(
            "listVersions(" + uid + ")",
            "updateVersion(" + uid + ", " + active.uid() + ", PAUSED)");
    assertThat(body(0).variants()).isEqualTo(active.variants());
  }

  @Test
  void pauseWithNothingActiveWritesNothing() {
    String uid = h.experience("Hero");
    assertThat(h.planned().run(new Op.PauseVersion("Hero", null, null)))
        .isEqualTo(new Done("not active; nothing to pause"));
    assertThat(h.apis).calls().containsExactly("listVersions(" + uid + ")");
  }

  // --- new draft ----------------------------------------------------------------------------

  @Test
  void createDraftHandsOnTheNewEmptyDraft() {
    String uid = h.experience("Hero");
    h.withStatus("Hero", h.configured("Hero", "A"), VersionStatus.ACTIVE);
    StepResult r = h.planned().run(new Op.CreateDraftVersion("Hero", uid));
    Version draft =
        Inputs.withStatus(h.apis.experience("Hero").versions, VersionStatus.DRAFT).orElseThrow();
    assertThat(r).isEqualTo(new DraftCreated("Hero", draft.uid(), "draft " + draft.uid()));
    assertThat(h.apis).calls().containsExactly("createVersion(" + uid + ", DRAFT)");
  }

  @Test
  void createDraftThatLostItsReplyFindsTheDraftAndMakesNoSecond() {
    String uid = h.experience("Hero");
    h.withStatus("Hero", h.configured("Hero", "A"), VersionStatus.ACTIVE);
    h.apis.loseReplyOfNext("createVersion");
    StepResult r = h.planned().run(new Op.CreateDraftVersion("Hero", uid));
    assertThat(h.apis.experience("Hero").versions).hasSize(2);
    assertThat(((DraftCreated) r).versionUid())
        .isEqualTo(h.apis.experience("Hero").versions.get(1).uid());
    assertThat(h.apis).calledOnce("createVersion").then("listVersions", uid);
  }

  @Test
  void aDraftRefusedBesideTheActiveVersionSaysHowToGoOn() {
    String uid = h.experience("Hero");
    h.withStatus("Hero", h.configured("Hero", "A"), VersionStatus.ACTIVE);
    h.apis.failNext("createVersion", 400);
    h.planned()
        .fails(new Op.CreateDraftVersion("Hero", uid))
        .hasMessageContaining("refused a new draft beside the active version")
        .hasMessageContaining(ApiAssumptions.DRAFT_BESIDE_ACTIVE_VARIABLE + "=false");
    assertThat(h.apis)
        .calls()
        .containsExactly("createVersion(" + uid + ", DRAFT)", "listVersions(" + uid + ")");
  }

  // --- configure ----------------------------------------------------------------------------

  @Test
  void configureANewExperienceResolvesUidsFromAncestorsThenLiveAndWaitsForTheCmsSync() {
    String gold = h.audience("Gold");
    String signup = h.event("signup");
    h.planned();
    String premium = h.audience("Premium"); // created by this apply
    String uid = h.experience("Hero");
    String draft = h.apis.experience("Hero").versions.get(0).uid();
    h.apis.clearCalls();
    h.apis.cmsSyncAfterPolls(3);
    var op =
        new Op.ConfigureVersion(
            "Hero",
            ExperienceType.SEGMENTED,
            null,
            List.of(
                VariantConfig.segmented("A", null, List.of("Premium"), List.of(), Match.ALL),
                VariantConfig.segmented("B", null, List.of("Gold"), List.of("ly1"), Match.ANY)),
            List.of(new Op.MetricConfig("signup", true)),
            null,
            null);

    StepResult r =
        h.run(
            op,
            new AudienceWritten("Premium", premium, ""),
            new ExperienceWritten("Hero", uid, draft, ""));

    // the draft the create made is known: no read of the versions before the PUT; then three polls
    assertThat(h.apis)
        .calls()
        .containsExactly(
            "updateVersion(" + uid + ", " + draft + ", DRAFT)",
            "getExperience(" + uid + ")",
            "getExperience(" + uid + ")",
            "getExperience(" + uid + ")");
    List<RemoteVariant> sent = body(0).variants();
    assertThat(sent)
        .extracting(RemoteVariant::audiences)
        .containsExactly(List.of(premium), List.of(gold));
    assertThat(sent)
        .extracting(RemoteVariant::audienceCombinationType)
        .containsExactly("AND", "OR");
    assertThat(sent).extracting(RemoteVariant::shortUid).containsOnlyNulls();
    assertThat(body(0).metrics())
        .singleElement()
        .satisfies(m -> assertThat(m.event()).isEqualTo(signup));
    var cms = h.apis.experience("Hero").cms;
    Version configured = h.apis.experience("Hero").versions.get(0);
    assertThat(r)
        .isEqualTo(
            new VersionConfigured(
                "Hero",
                configured,
                new CmsSynced(
                    "Hero",
                    cms.variantGroup(),
                    cms.variants(),
                    "variant group " + cms.variantGroup() + " after 3 poll(s)"),
                "configured draft "
                    + draft
                    + " with 2 variants; variant group "
                    + cms.variantGroup()
                    + " after 3 poll(s)"));
    assertThat(cms.variants())
        .containsOnlyKeys(h.shortUid(configured, "A"), h.shortUid(configured, "B"));
  }

  @Test
  void configureKeepingEveryShortUidTheCmsHoldsDoesNotWait() {
    String uid = h.experience("Hero");
    Version v = h.configured("Hero", "A");
    String a = h.shortUid(v, "A");
    h.audience("Gold");
    h.planned();
    var op =
        new Op.ConfigureVersion(
            "Hero",
            ExperienceType.SEGMENTED,
            v.uid(),
            List.of(VariantConfig.segmented("A", a, List.of("Gold"), List.of(), Match.ANY)),
            List.of(),
            null,
            null);
    VersionConfigured r = (VersionConfigured) h.run(op);
    assertThat(h.apis)
        .calls()
        .containsExactly(
            "listVersions(" + uid + ")", "updateVersion(" + uid + ", " + v.uid() + ", DRAFT)");
    assertThat(r.cms().cmsVariants()).isEqualTo(h.apis.experience("Hero").cms.variants());
    assertThat(r.message()).isEqualTo("configured draft " + v.uid() + " with 1 variants");
  }

  @Test
  void configureAnAbTestSendsSharesSplitAndTargetGroup() {
    String uid = h.experience("Test");
    String gold = h.audience("Gold");
    h.planned();
    var op =
        new Op.ConfigureVersion(
            "Test",
            ExperienceType.AB_TEST,
            null,
            List.of(VariantConfig.abTest("A", null, 70), VariantConfig.abTest("B", null, 30)),
            List.of(),
            null,
            new Op.Targeting(Match.ALL, List.of("Gold")));
    h.run(op);
    assertThat(h.apis)
        .called("listVersions", uid)
        .then("updateVersion", uid)
        .then("getExperience", uid);
    assertThat(body(0).variants())
        .extracting(RemoteVariant::trafficDistribution)
        .containsExactly(70, 30);
    assertThat(body(0).variantSplit()).isEqualTo(ApiAssumptions.CUSTOM_SPLIT);
    assertThat(body(0).targeting().path("audience").path("audiences").get(0).asText())
        .isEqualTo(gold);
  }

  @Test
  void configureGivesUpWhenTheCmsSyncDoesNotComeInTime() {
    String uid = h.experience("Hero");
    h.planned();
    h.apis.cmsSyncAfterPolls(1_000_000);
    h.cmsTimeout = Duration.ofMillis(30);
    h.fails(
            new Op.ConfigureVersion(
                "Hero",
                ExperienceType.SEGMENTED,
                null,
                List.of(VariantConfig.segmented("A", null, List.of(), List.of(), Match.ANY)),
                List.of(),
                null,
                null))
        .hasMessageContaining("the CMS variant group did not appear")
        .hasMessageContaining("re-run apply to resume");
    assertThat(h.apis).called("updateVersion", uid).then("getExperience", uid);
  }

  @Test
  void configureWithoutADraftFails() {
    h.experience("Hero");
    h.withStatus("Hero", h.configured("Hero", "A"), VersionStatus.ACTIVE);
    h.planned()
        .fails(
            new Op.ConfigureVersion(
                "Hero", ExperienceType.SEGMENTED, "x", List.of(), List.of(), null, null))
        .hasMessage("experience 'Hero' has no draft version to configure");
    assertThat(h.apis).neverCalled("updateVersion");
  }

  // --- activate -----------------------------------------------------------------------------

  @Test
  void activateUsesTheVersionConfiguredInThisApplyWithoutARead() {
    String uid = h.experience("Hero");
    h.planned();
    Version configured = h.configured("Hero", "A", "B");
    h.apis.clearCalls();
    var ancestor =
        new VersionConfigured("Hero", configured, new CmsSynced("Hero", null, Map.of(), ""), "");
    StepResult r =
        h.run(
            new Op.ActivateVersion("Hero"), new ExperienceWritten("Hero", uid, null, ""), ancestor);
    assertThat(r).isEqualTo(new Done("activated version " + configured.uid()));
    assertThat(h.apis)
        .calls()
        .containsExactly("updateVersion(" + uid + ", " + configured.uid() + ", ACTIVE)");
    assertThat(body(0)).isEqualTo(configured.withStatus(VersionStatus.ACTIVE));
  }

  @Test
  void activateWithoutAConfiguredAncestorReadsTheVersionsAndActivatesTheDraft() {
    String uid = h.experience("Hero");
    Version draft = h.configured("Hero", "A");
    StepResult r = h.planned().run(new Op.ActivateVersion("Hero"));
    assertThat(r).isEqualTo(new Done("activated version " + draft.uid()));
    assertThat(h.apis)
        .calls()
        .containsExactly(
            "listVersions(" + uid + ")", "updateVersion(" + uid + ", " + draft.uid() + ", ACTIVE)");
  }

  @Test
  void activateResumesAPausedVersionAndLeavesAnActiveOne() {
    String uid = h.experience("Hero");
    Version v = h.withStatus("Hero", h.configured("Hero", "A"), VersionStatus.PAUSED);
    assertThat(h.planned().run(new Op.ActivateVersion("Hero")))
        .isEqualTo(new Done("activated version " + v.uid()));
    h.apis.clearCalls();
    assertThat(h.run(new Op.ActivateVersion("Hero"))).isEqualTo(new Done("already active"));
    assertThat(h.apis).calls().containsExactly("listVersions(" + uid + ")");
  }

  // --- refresh ------------------------------------------------------------------------------

  private static Op.UpsertEntryVariant upsert(String variant, String entry) {
    return new Op.UpsertEntryVariant(
        "Hero",
        variant,
        "page",
        entry,
        "en-us",
        JsonNodeFactory.instance.objectNode().put("title", variant + " " + entry));
  }

  @Test
  void refreshRewritesAndPublishesOnlyTheEntryVariantsWhoseCmsUidChanged() {
    String uid = h.experience("Hero");
    Version v = h.configured("Hero", "A", "B");
    String a = h.shortUid(v, "A");
    String b = h.shortUid(v, "B");
    String oldA = h.cmsUid("Hero", a);
    String oldB = h.cmsUid("Hero", b);
    String group = h.apis.experience("Hero").cms.variantGroup();
    h.planned();
    String newA = h.apis.cmsUid();
    h.apis.setCms("Hero", group, Map.of(a, newA, b, oldB)); // activation re-minted A's CMS variant
    var written =
        new StepResult[] {
          new EntryVariantWritten(upsert("A", "e1"), oldA, ""),
          new EntryVariantWritten(upsert("B", "e1"), oldB, ""),
          new EntryVariantWritten(upsert("A", "e2"), oldA, "")
        };

    StepResult r = h.run(new Op.RefreshCms("Hero"), written);

    assertThat(h.apis)
        .calls()
        .containsExactly(
            "getExperience(" + uid + ")",
            "upsertEntryVariant(page, e1, " + newA + ", en-us)",
            "upsertEntryVariant(page, e2, " + newA + ", en-us)",
            "bulkPublish(page/e1/en-us=" + newA + ", page/e2/en-us=" + newA + ")");
    assertThat(
            h.apis
                .entryVariants
                .get(RecordingApis.entryKey("page", "e2", newA, "en-us"))
                .path("title")
                .asText())
        .isEqualTo("A e2");
    assertThat(r)
        .isEqualTo(
            new CmsSynced(
                "Hero",
                group,
                Map.of(a, newA, b, oldB),
                "CMS variant uids changed for shortUid(s) ["
                    + a
                    + "]; rewrote 2 entry variant(s)"));
  }

  @Test
  void refreshWithoutPublishEnvironmentsRewritesButDoesNotPublish() {
    h.experience("Hero");
    Version v = h.configured("Hero", "A");
    String a = h.shortUid(v, "A");
    String oldA = h.cmsUid("Hero", a);
    String group = h.apis.experience("Hero").cms.variantGroup();
    h.planned();
    h.publish =
        new dev.cspctl.spec.PublishSettings(
            List.of(), List.of(), dev.cspctl.spec.PublishSettings.PublishMethod.ENTRY);
    String newA = h.apis.cmsUid();
    h.apis.setCms("Hero", group, Map.of(a, newA));
    h.run(new Op.RefreshCms("Hero"), new EntryVariantWritten(upsert("A", "e1"), oldA, ""));
    assertThat(h.apis)
        .calledOnce("upsertEntryVariant", "page", "e1", newA)
        .neverCalled("publishEntryVariants")
        .neverCalled("bulkPublish");
  }

  @Test
  void refreshWithUnchangedCmsUidsWritesNothing() {
    String uid = h.experience("Hero");
    h.configured("Hero", "A");
    h.planned();
    var cms = h.apis.experience("Hero").cms;
    StepResult r =
        h.run(
            new Op.RefreshCms("Hero"),
            new EntryVariantWritten(upsert("A", "e1"), "cs0000000000000001", ""));
    assertThat(r)
        .isEqualTo(
            new CmsSynced(
                "Hero", cms.variantGroup(), cms.variants(), "CMS variant uids unchanged"));
    assertThat(h.apis).calls().containsExactly("getExperience(" + uid + ")");
  }
}
