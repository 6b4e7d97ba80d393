package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.api.personalize.AttributeInput;
import dev.cspctl.api.personalize.AudienceInput;
import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.api.personalize.ExperienceInput;
import dev.cspctl.api.personalize.RemoteVariant;
import dev.cspctl.api.personalize.Version;
import dev.cspctl.api.personalize.VersionInput;
import dev.cspctl.api.personalize.VersionStatus;
import dev.cspctl.plan.Op;
import dev.cspctl.plan.Step;
import dev.cspctl.plan.StepId;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.PublishSettings;
import dev.cspctl.state.LiveAttribute;
import dev.cspctl.state.LiveAudience;
import dev.cspctl.state.LiveCms;
import dev.cspctl.state.LiveEntryVariant;
import dev.cspctl.state.LiveEvent;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.LiveVariant;
import dev.cspctl.state.LiveVersion;
import dev.cspctl.state.LiveVersionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * Runs one step's logic (through {@link StepRunner}, as the executor does) against {@link
 * RecordingApis}, without HTTP: set the project up through the fake's ports, call {@link
 * #planned()} to take the live state the plan is made from (and forget the set-up calls), then
 * {@link #run} an operation with the results its ancestors handed on.
 */
final class StepHarness {
  final RecordingApis apis = new RecordingApis();
  PublishSettings publish =
      new PublishSettings(List.of("production"), List.of(), PublishSettings.PublishMethod.BULK);
  Duration cmsTimeout = Duration.ofSeconds(5);
  private LiveState live = FakeLive.of(apis);

  /**
   * The live state is the fake's now, as a plan would have read it; the set-up calls are forgotten.
   */
  StepHarness planned() {
    live = FakeLive.of(apis);
    apis.clearCalls();
    return this;
  }

  StepResult run(Op op, StepResult... ancestors) {
    Step step =
        new Step(
            StepId.of(op.stepType(), op.subject()),
            op,
            op.stepType() + " " + op.subject(),
            List.of());
    ApplyContext ctx =
        new ApplyContext(
            apis.personalize(),
            apis.cma(),
            new LiveUids(live),
            publish,
            cmsTimeout,
            Duration.ofMillis(1),
            new dev.cspctl.api.cma.BulkPublishQueue(apis.cma()));
    return new StepRunner(ctx).run(step, new Ancestors(Arrays.asList(ancestors)));
  }

  AbstractThrowableAssert<?, ? extends Throwable> fails(Op op, StepResult... ancestors) {
    return assertThatThrownBy(() -> run(op, ancestors)).isInstanceOf(ApplyException.class);
  }

  // --- set-up through the ports --------------------------------------------------------------

  String attribute(String key) {
    return apis.personalize().createAttribute(new AttributeInput(key, key, "")).uid();
  }

  String event(String key) {
    return apis.personalize().createEvent(new EventInput(key, "")).uid();
  }

  String audience(String name) {
    return apis.personalize().createAudience(new AudienceInput(name, "", null)).uid();
  }

  String experience(String name) {
    return apis.personalize()
        .createExperience(new ExperienceInput(name, "", ExperienceType.SEGMENTED))
        .uid();
  }

  /**
   * The experience's draft configured with segmented variants of these names, its CMS synced;
   * returns the version.
   */
  Version configured(String experience, String... variants) {
    RecordingApis.Exp e = apis.experience(experience);
    List<RemoteVariant> vs =
        Arrays.stream(variants)
            .map(n -> RemoteVariant.segmented(n, null, List.of(), List.of(), "OR"))
            .toList();
    String draft = Inputs.withStatus(e.versions, VersionStatus.DRAFT).orElseThrow().uid();
    Version v =
        apis.personalize()
            .updateVersion(e.uid, draft, new VersionInput(VersionStatus.DRAFT, vs, List.of()));
    apis.personalize().getExperience(e.uid);
    return v;
  }

  /** Sets the status of an experience's version in the fake. */
  Version withStatus(String experience, Version v, VersionStatus status) {
    return apis.personalize()
        .updateVersion(apis.experience(experience).uid, v.uid(), v.withStatus(status));
  }

  String shortUid(Version v, String variant) {
    return v.variants().stream()
        .filter(x -> x.name().equals(variant))
        .findFirst()
        .orElseThrow()
        .shortUid();
  }

  String cmsUid(String experience, String shortUid) {
    return apis.experience(experience).cms.variants().get(shortUid);
  }

  /** What the fake holds as live state, in the shape the state reader gives. */
  static final class FakeLive {
    private FakeLive() {}

    static LiveState of(RecordingApis apis) {
      synchronized (apis) {
        List<LiveExperience> experiences = new ArrayList<>();
        for (RecordingApis.Exp e : apis.experiences.values()) {
          List<LiveVersion> versions = e.versions.stream().map(FakeLive::version).toList();
          LiveCms cms = e.cms == null ? null : new LiveCms(e.cms.variantGroup(), e.cms.variants());
          experiences.add(
              new LiveExperience(
                  e.uid,
                  e.name,
                  e.description,
                  e.type,
                  null,
                  null,
                  versions.isEmpty() ? null : versions.get(versions.size() - 1).uid(),
                  cms,
                  versions));
        }
        List<LiveEntryVariant> entryVariants = new ArrayList<>();
        for (Map.Entry<String, JsonNode> ev : apis.entryVariants.entrySet()) {
          String[] k = ev.getKey().split("/", -1);
          entryVariants.add(
              new LiveEntryVariant(k[0], k[1], k[3], k[2], ev.getValue(), List.of(), 1, List.of()));
        }
        return new LiveState(
            apis.attributes.values().stream()
                .map(a -> new LiveAttribute(a.uid(), a.key(), a.name(), a.description()))
                .toList(),
            apis.events.values().stream()
                .map(x -> new LiveEvent(x.uid(), x.key(), x.description()))
                .toList(),
            apis.audiences.values().stream()
                .map(
                    a -> new LiveAudience(a.uid(), a.name(), a.description(), a.definition(), null))
                .toList(),
            experiences,
            List.of(),
            entryVariants,
            apis.priority);
      }
    }

    private static LiveVersion version(Version v) {
      List<LiveVariant> variants =
          v.variants().stream()
              .map(
                  x ->
                      new LiveVariant(
                          ExperienceType.SEGMENTED,
                          x.name(),
                          x.shortUid(),
                          x.audiences(),
                          x.lyticsAudiences(),
                          null,
                          x.trafficDistribution()))
              .toList();
      return new LiveVersion(
          v.uid(),
          LiveVersionStatus.valueOf(v.status().name()),
          variants,
          List.of(),
          List.of(),
          null,
          null);
    }
  }
}
