package dev.cspctl.apply;

import static dev.cspctl.apply.RecordingApisAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.personalize.AudienceInput;
import dev.cspctl.api.personalize.ExperienceInput;
import dev.cspctl.apply.StepResult.AttributeWritten;
import dev.cspctl.apply.StepResult.AudienceWritten;
import dev.cspctl.apply.StepResult.Done;
import dev.cspctl.apply.StepResult.EventWritten;
import dev.cspctl.apply.StepResult.ExperienceWritten;
import dev.cspctl.plan.Op;
import dev.cspctl.spec.ExperienceType;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attributes, events, audiences, experience metadata and deletes, against {@link RecordingApis}.
 */
class ResourceStepsUnitTest {
  private final StepHarness h = new StepHarness();

  /** An audience definition naming a custom attribute by key, as the plan carries it. */
  private static ObjectNode rulesOn(String attributeKey) {
    ObjectNode d =
        JsonNodeFactory.instance
            .objectNode()
            .put("__type", "RuleCombination")
            .put("combinationType", "AND");
    d.putArray("rules")
        .addObject()
        .put("__type", "Rule")
        .putObject("attribute")
        .put("__type", "CustomAttributeReference")
        .put("ref", attributeKey);
    return d;
  }

  private static String ref(Object audienceInputBody) {
    return ((AudienceInput) audienceInputBody)
        .definition()
        .path("rules")
        .get(0)
        .path("attribute")
        .path("ref")
        .asText();
  }

  @Test
  void createAttributeHandsOnItsUid() {
    StepResult r = h.planned().run(new Op.CreateAttribute("plan", "Plan", "the plan"));
    String uid = h.apis.attributes.keySet().iterator().next();
    assertThat(r).isEqualTo(new AttributeWritten("plan", uid, "uid " + uid));
    assertThat(h.apis).calls().containsExactly("createAttribute(plan)");
    assertThat(h.apis.calls().get(0).scope().toString()).isEqualTo("attribute \"plan\"");
  }

  @Test
  void aCreateThatLostItsReplyIsConfirmedByAReadAndNotSentAgain() {
    h.apis.loseReplyOfNext("createAttribute", "plan");
    StepResult r = h.planned().run(new Op.CreateAttribute("plan", "Plan", ""));
    assertThat(h.apis.attributes).hasSize(1);
    assertThat(((AttributeWritten) r).uid())
        .isEqualTo(h.apis.attributes.keySet().iterator().next());
    assertThat(h.apis).calledOnce("createAttribute", "plan").then("listAttributes");
  }

  @Test
  void aCreateThatFailedWith5xxAndDidNotHappenIsSentAgainAfterTheRead() {
    h.apis.failNext("createEvent", 503);
    StepResult r = h.planned().run(new Op.CreateEvent("signup", ""));
    assertThat(h.apis)
        .calls()
        .containsExactly("createEvent(signup)", "listEvents()", "createEvent(signup)");
    assertThat(h.apis.events).hasSize(1);
    assertThat(r)
        .isInstanceOf(EventWritten.class)
        .extracting(x -> ((EventWritten) x).key())
        .isEqualTo("signup");
  }

  @Test
  void aCreateRefusedWith4xxIsNotRetried() {
    h.apis.failNext("createEvent", 422);
    h.planned()
        .fails(new Op.CreateEvent("signup", ""))
        .hasMessageContaining("(422)")
        .hasMessageContaining("event \"signup\"");
    assertThat(h.apis).calls().containsExactly("createEvent(signup)");
  }

  @Test
  void aCreateThatKeepsFailingGivesUpAfterThreeAttempts() {
    for (int i = 0; i < 3; i++) h.apis.failNext("createEvent", 500);
    h.planned()
        .fails(new Op.CreateEvent("signup", ""))
        .hasMessageContaining("failed after 3 attempts");
    assertThat(h.apis).calledTimes(3, "createEvent").calledTimes(3, "listEvents");
    assertThat(h.apis.events).isEmpty();
  }

  @Test
  void updatesSendTheUidTheyCarryAndHandItOn() {
    String attr = h.attribute("plan");
    String event = h.event("signup");
    h.planned();
    assertThat(h.run(new Op.UpdateAttribute("plan", "Plan 2", "d", attr)))
        .isEqualTo(new AttributeWritten("plan", attr, "updated"));
    assertThat(h.run(new Op.UpdateEvent("signup", "d2", event)))
        .isEqualTo(new EventWritten("signup", event, "updated"));
    assertThat(h.apis)
        .calls()
        .containsExactly(
            "updateAttribute(" + attr + ", plan)", "updateEvent(" + event + ", signup)");
    assertThat(h.apis.attributes.get(attr).name()).isEqualTo("Plan 2");
    assertThat(h.apis.events.get(event).description()).isEqualTo("d2");
  }

  @Test
  void createAudienceResolvesAttributesFromAnAncestorsResult() {
    String created = h.planned().attribute("plan"); // written by this apply: not in the live state
    StepResult r =
        h.run(
            new Op.CreateAudience("Premium", "", rulesOn("plan")),
            new AttributeWritten("plan", created, ""));
    assertThat(h.apis).called("createAudience", "Premium");
    assertThat(ref(h.apis.calls("createAudience").get(0).body())).isEqualTo(created);
    String uid = ((AudienceWritten) r).uid();
    assertThat(r).isEqualTo(new AudienceWritten("Premium", uid, "uid " + uid));
  }

  @Test
  void updateAudienceResolvesAttributesFromTheLiveState() {
    String attr = h.attribute("plan");
    String audience = h.audience("Premium");
    h.planned();
    StepResult r = h.run(new Op.UpdateAudience("Premium", "d", rulesOn("plan"), audience));
    assertThat(h.apis).calls().containsExactly("updateAudience(" + audience + ", Premium)");
    assertThat(ref(h.apis.calls("updateAudience").get(0).body())).isEqualTo(attr);
    assertThat(r).isEqualTo(new AudienceWritten("Premium", audience, "updated"));
  }

  @Test
  void anAudienceOnAnUnknownAttributeFailsBeforeAnyCall() {
    h.planned()
        .fails(new Op.CreateAudience("Premium", "", rulesOn("nope")))
        .hasMessage("attribute 'nope' does not exist in the live project");
    assertThat(h.apis).calls().isEmpty();
  }

  @Test
  void createExperienceHandsOnTheEmptyDraftTheServiceMade() {
    StepResult r =
        h.planned()
            .run(new Op.CreateExperience("Hero", "d", ExperienceType.SEGMENTED, List.of("t")));
    RecordingApis.Exp e = h.apis.experience("Hero");
    assertThat(r)
        .isEqualTo(new ExperienceWritten("Hero", e.uid, e.versions.get(0).uid(), "uid " + e.uid));
    assertThat(h.apis).calls().containsExactly("createExperience(Hero)");
    assertThat(((ExperienceInput) h.apis.calls().get(0).body()).tags()).containsExactly("t");
  }

  @Test
  void createExperienceThatLostItsReplyFindsItByName() {
    h.apis.loseReplyOfNext("createExperience");
    StepResult r =
        h.planned().run(new Op.CreateExperience("Hero", "", ExperienceType.AB_TEST, null));
    assertThat(h.apis.experiences).hasSize(1);
    assertThat(((ExperienceWritten) r).uid()).isEqualTo(h.apis.experience("Hero").uid);
    assertThat(h.apis).calledOnce("createExperience").then("listExperiences");
  }

  @Test
  void updateExperienceHandsOnNoDraft() {
    String uid = h.experience("Hero");
    StepResult r =
        h.planned()
            .run(new Op.UpdateExperience(uid, "Hero", "new", ExperienceType.SEGMENTED, null));
    assertThat(r).isEqualTo(new ExperienceWritten("Hero", uid, null, "updated"));
    assertThat(h.apis).calls().containsExactly("updateExperience(" + uid + ", Hero)");
    assertThat(h.apis.experience("Hero").description).isEqualTo("new");
  }

  static Stream<Arguments> deletes() {
    return Stream.of(
        Arguments.of(
            "deleteAttribute",
            (Function<StepHarness, Op>) h -> new Op.DeleteAttribute(h.attribute("plan"), "plan")),
        Arguments.of(
            "deleteEvent",
            (Function<StepHarness, Op>) h -> new Op.DeleteEvent(h.event("signup"), "signup")),
        Arguments.of(
            "deleteAudience",
            (Function<StepHarness, Op>)
                h -> new Op.DeleteAudience(h.audience("Premium"), "Premium")),
        Arguments.of(
            "deleteExperience",
            (Function<StepHarness, Op>)
                h -> new Op.DeleteExperience(h.experience("Hero"), "Hero")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deletes")
  void aDeleteDeletesAndA404IsAlreadyGone(String method, Function<StepHarness, Op> setUp) {
    Op op = setUp.apply(h);
    h.planned();
    assertThat(h.run(op)).isEqualTo(new Done("deleted"));
    assertThat(
            h.apis.attributes.size()
                + h.apis.events.size()
                + h.apis.audiences.size()
                + h.apis.experiences.size())
        .isZero();
    assertThat(h.run(op)).isEqualTo(new Done("already gone"));
    assertThat(h.apis).calledTimes(2, method);
    assertThat(h.apis.calls()).hasSize(2);
  }

  @Test
  void aDeleteFailingOtherwiseFails() {
    String uid = h.event("signup");
    h.apis.failNext("deleteEvent", 500);
    h.planned().fails(new Op.DeleteEvent(uid, "signup")).hasMessageContaining("(500)");
    assertThat(h.apis.events).containsKey(uid);
  }
}
