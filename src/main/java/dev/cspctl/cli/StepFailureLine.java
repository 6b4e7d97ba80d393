package dev.cspctl.cli;

import dev.cspctl.api.ApiAssumptions;
import dev.cspctl.plan.Step;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.Kind;
import dev.cspctl.spec.Origin;
import dev.cspctl.spec.ResourceKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line for a failed step. A service error code that a spec field explains (contentstack-api.md
 * §14) becomes {@code error: FILE:LINE: FIELD: what to change (service: CODE; step)}; any other
 * failure stays {@code error: step: message}.
 */
final class StepFailureLine {
  /** A service code, the spec field it is about, and what to do. */
  record Hint(String code, Kind kind, String field, String advice) {}

  static final List<Hint> HINTS =
      List.of(
          new Hint(
              ApiAssumptions.INSUFFICIENT_VARIANTS_TO_ACTIVATE,
              Kind.EXPERIENCE,
              "variants",
              "the service refuses to activate an experience with too few variants (an A/B test needs at least two); add variants or set status: draft"),
          new Hint(
              ApiAssumptions.LYTICS_AUDIENCE_DOES_NOT_EXIST,
              Kind.EXPERIENCE,
              "variants[].lyticsAudiences",
              "a Lytics audience uid is not an audience of the Lytics account connected to the project; fix or remove it"),
          new Hint(
              ApiAssumptions.RULE_COUNT_EXCEEDED,
              Kind.AUDIENCE,
              "rules",
              "the audience has more rules (nested ones counted) than the project allows (50 by default, at most 100); split it into several audiences"),
          new Hint(
              ApiAssumptions.CANNOT_DELETE_ONLY_DRAFT,
              Kind.EXPERIENCE,
              "status",
              "the service refuses to delete the only draft version of an experience; delete the experience instead, or keep the draft"));

  private final Map<ResourceKey, Origin> origins;

  /** {@code desired} null (a saved plan): the line names the resource without its file. */
  StepFailureLine(DesiredState desired) {
    this.origins = new java.util.HashMap<>();
    if (desired != null) {
      desired.experiences().forEach(e -> origins.put(e.resourceKey(), e.origin()));
      desired.audiences().forEach(a -> origins.put(a.resourceKey(), a.origin()));
    }
  }

  String line(Step step, String message) {
    Optional<Hint> hint =
        HINTS.stream().filter(h -> message != null && message.contains(h.code())).findFirst();
    if (hint.isEmpty()) return "error: " + step.description() + ": " + message;
    Hint h = hint.get();
    String name =
        h.kind() == Kind.EXPERIENCE && step.experience() != null
            ? step.experience()
            : step.op().subject();
    ResourceKey key = new ResourceKey(h.kind(), name);
    Origin where = origins.get(key);
    String place = where != null ? where + ": " : h.kind().yamlName() + " '" + name + "': ";
    return "error: "
        + place
        + h.field()
        + ": "
        + h.advice()
        + " (service: "
        + h.code()
        + "; "
        + step.description()
        + ")";
  }
}
