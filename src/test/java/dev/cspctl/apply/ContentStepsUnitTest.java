package dev.cspctl.apply;

import static dev.cspctl.apply.RecordingApisAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.personalize.Version;
import dev.cspctl.apply.StepResult.CmsSynced;
import dev.cspctl.apply.StepResult.Done;
import dev.cspctl.apply.StepResult.EntryVariantWritten;
import dev.cspctl.apply.StepResult.VersionConfigured;
import dev.cspctl.plan.Op;
import dev.cspctl.plan.Op.PublishItem;
import dev.cspctl.spec.PublishSettings.PublishMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Content-type links, entry variant writes, publishes and entry variant deletes, against {@link
 * RecordingApis}.
 */
class ContentStepsUnitTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final StepHarness h = new StepHarness();

  private String uid;
  private Version version;

  /**
   * Hero with variants A and B configured and synced (before the plan, unless {@code planned} is
   * false).
   */
  private void hero(boolean planned) {
    if (planned) {
      uid = h.experience("Hero");
      version = h.configured("Hero", "A", "B");
      h.planned();
    } else {
      h.planned();
      uid = h.experience("Hero");
      version = h.configured("Hero", "A", "B");
      h.apis.clearCalls();
    }
  }

  private String cms(String variant) {
    return h.cmsUid("Hero", h.shortUid(version, variant));
  }

  /** What the configure step of this apply handed on for Hero. */
  private VersionConfigured configuredHere() {
    var c = h.apis.experience("Hero").cms;
    return new VersionConfigured(
        "Hero", version, new CmsSynced("Hero", c.variantGroup(), c.variants(), ""), "");
  }

  private static Op.UpsertEntryVariant upsert(String variant, String entry, JsonNode fields) {
    return new Op.UpsertEntryVariant("Hero", variant, "page", entry, "en-us", fields);
  }

  // --- link ---------------------------------------------------------------------------------

  @Test
  void linkAddsTheContentTypesToTheGroupTheConfigureStepSynced() {
    hero(false);
    String group = h.apis.experience("Hero").cms.variantGroup();
    StepResult r =
        h.run(new Op.LinkContentTypes("Hero", List.of("page", "banner")), configuredHere());
    assertThat(h.apis)
        .calls()
        .containsExactly("listAllVariantGroups()", "linkContentTypes(" + group + ", banner,page)");
    assertThat(r)
        .isEqualTo(
            new CmsSynced(
                "Hero", group, h.apis.experience("Hero").cms.variants(), "linked banner, page"));

    h.apis.clearCalls();
    StepResult again = h.run(new Op.LinkContentTypes("Hero", List.of("page")), configuredHere());
    assertThat(again.message()).isEqualTo("already linked");
    assertThat(h.apis).calls().containsExactly("listAllVariantGroups()");
  }

  @Test
  void linkTakesTheGroupFromTheLiveStateWithoutAncestors() {
    hero(true);
    String group = h.apis.experience("Hero").cms.variantGroup();
    h.run(new Op.LinkContentTypes("Hero", List.of("page")));
    assertThat(h.apis)
        .calls()
        .containsExactly("listAllVariantGroups()", "linkContentTypes(" + group + ", page)");
  }

  @Test
  void linkToAGroupTheCmaDoesNotListFails() {
    hero(true);
    String group = h.apis.experience("Hero").cms.variantGroup();
    h.apis.variantGroups.clear();
    h.fails(new Op.LinkContentTypes("Hero", List.of("page")))
        .hasMessage("variant group " + group + " of experience 'Hero' not found");
    assertThat(h.apis).neverCalled("linkContentTypes");
  }

  // --- upsert -------------------------------------------------------------------------------

  @Test
  void upsertToACmsVariantMadeByThisApplyWritesWithoutARead() {
    hero(false);
    ObjectNode fields = JSON.objectNode().put("title", "Hi");
    fields.putObject("hero").put("image", "x.png");
    var op = upsert("A", "e1", fields);
    StepResult r = h.run(op, configuredHere());
    String a = cms("A");
    assertThat(h.apis).calls().containsExactly("upsertEntryVariant(page, e1, " + a + ", en-us)");
    JsonNode sent = (JsonNode) h.apis.calls().get(0).body();
    assertThat(sent.path("title").asText()).isEqualTo("Hi");
    assertThat(sent.path("_variant").path("_change_set"))
        .extracting(JsonNode::asText)
        .containsExactly("title", "hero.image");
    assertThat(r).isEqualTo(new EntryVariantWritten(op, a, "variant " + a));
  }

  @Test
  void upsertToAnExistingEntryVariantMergesOverWhatThePlanReadWithoutReadingAgain() {
    uid = h.experience("Hero");
    version = h.configured("Hero", "A", "B");
    ObjectNode old =
        JSON.objectNode()
            .put("title", "old")
            .put("kept", "yes")
            .put("uid", "e1")
            .put("_version", 3);
    h.apis.cma().upsertEntryVariant("page", "e1", cms("B"), "en-us", old);
    h.planned();
    h.run(upsert("B", "e1", JSON.objectNode().put("title", "new")));
    assertThat(h.apis)
        .calls()
        .containsExactly("upsertEntryVariant(page, e1, " + cms("B") + ", en-us)");
    JsonNode sent = (JsonNode) h.apis.calls().get(0).body();
    assertThat(sent.path("title").asText()).isEqualTo("new");
    assertThat(sent.path("kept").asText()).isEqualTo("yes");
    assertThat(sent.has("uid") || sent.has("_version")).isFalse();
  }

  @Test
  void upsertReadsTheExperienceWhenNeitherAncestorsNorTheLiveStateKnowTheCmsUid() {
    h.apis.cmsSyncAfterPolls(2);
    uid = h.experience("Hero");
    version =
        h.configured("Hero", "A"); // one poll: the sync is still pending when the plan is made
    h.planned();
    h.run(upsert("A", "e1", JSON.objectNode().put("title", "Hi")));
    assertThat(h.apis)
        .calls()
        .containsExactly(
            "getExperience(" + uid + ")", "upsertEntryVariant(page, e1, " + cms("A") + ", en-us)");
  }

  @Test
  void upsertOfAVariantTheExperienceDoesNotHaveFails() {
    hero(true);
    h.fails(upsert("Z", "e1", JSON.objectNode()))
        .hasMessage("experience 'Hero' has no variant 'Z'");
    assertThat(h.apis).calls().containsExactly("listVersions(" + uid + ")");
  }

  // --- publish ------------------------------------------------------------------------------

  private static List<PublishItem> items() {
    return List.of(
        new PublishItem("A", "page", "e1", "en-us"),
        new PublishItem("B", "page", "e1", "en-us"),
        new PublishItem("A", "page", "e2", "en-us"));
  }

  @Test
  void bulkPublishGroupsTheVariantsByEntry() {
    hero(false);
    StepResult r =
        h.run(
            new Op.PublishEntryVariants("Hero", PublishMethod.BULK, items(), List.of("production")),
            configuredHere());
    assertThat(h.apis)
        .calls()
        .containsExactly(
            "bulkPublish(page/e1/en-us="
                + cms("A")
                + "+"
                + cms("B")
                + ", page/e2/en-us="
                + cms("A")
                + ")");
    var request = (dev.cspctl.api.cma.BulkPublishRequest) h.apis.calls().get(0).body();
    assertThat(request.environments()).containsExactly("production");
    assertThat(request.locales()).containsExactly("en-us");
    assertThat(r).isEqualTo(new Done("published 2 entries in 1 bulk request(s)"));
  }

  @Test
  void singleEntryPublishSendsOneRequestPerEntry() {
    hero(true);
    StepResult r =
        h.run(
            new Op.PublishEntryVariants("Hero", PublishMethod.ENTRY, items(), List.of("staging")));
    assertThat(h.apis)
        .calls()
        .containsExactly(
            "publishEntryVariants(page, e1, en-us, " + cms("A") + "+" + cms("B") + ")",
            "publishEntryVariants(page, e2, en-us, " + cms("A") + ")");
    assertThat(r).isEqualTo(new Done("published 2 entries (single-entry endpoint)"));
  }

  // --- delete -------------------------------------------------------------------------------

  @Test
  void deleteEntryVariantDeletesTheOneItNames() {
    uid = h.experience("Hero");
    version = h.configured("Hero", "A");
    h.apis
        .cma()
        .upsertEntryVariant("page", "e1", cms("A"), "en-us", JSON.objectNode().put("title", "x"));
    h.planned();
    StepResult r = h.run(new Op.DeleteEntryVariant("Hero", "A", cms("A"), "page", "e1", "en-us"));
    assertThat(r).isEqualTo(new Done("deleted"));
    assertThat(h.apis)
        .calls()
        .containsExactly("deleteEntryVariant(page, e1, " + cms("A") + ", en-us)");
    assertThat(h.apis.entryVariants).isEmpty();
    assertThat(h.apis.calls().get(0).scope().toString()).isEqualTo("experience \"Hero\"");
  }
}
