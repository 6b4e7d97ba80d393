package dev.cspctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.personalize.AttributeInput;
import dev.cspctl.api.personalize.AudienceInput;
import dev.cspctl.api.personalize.AudienceRuleCodec;
import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.api.personalize.ExperienceInput;
import dev.cspctl.api.personalize.PersonalizePort;
import dev.cspctl.api.personalize.RemoteExperience;
import dev.cspctl.apply.StepResult.AttributeWritten;
import dev.cspctl.apply.StepResult.AudienceWritten;
import dev.cspctl.apply.StepResult.Done;
import dev.cspctl.apply.StepResult.EventWritten;
import dev.cspctl.apply.StepResult.ExperienceWritten;
import dev.cspctl.plan.Op;

/**
 * Attributes, events, audiences and experience metadata: creates (never duplicated), updates,
 * deletes.
 */
final class ResourceSteps {
  private final ApplyContext ctx;

  ResourceSteps(ApplyContext ctx) {
    this.ctx = ctx;
  }

  private PersonalizePort about(String kind, String name) {
    return ctx.personalize().about(StepRunner.ref(kind, name));
  }

  StepResult createAttribute(Op.CreateAttribute op) {
    var client = about("attribute", op.key());
    var created =
        Writes.createOnce(
            "create attribute " + op.key(),
            () -> client.createAttribute(new AttributeInput(op.name(), op.key(), op.description())),
            () ->
                client.listAttributes().stream().filter(x -> op.key().equals(x.key())).findFirst());
    return new AttributeWritten(op.key(), created.uid(), "uid " + created.uid());
  }

  StepResult updateAttribute(Op.UpdateAttribute op) {
    about("attribute", op.key())
        .updateAttribute(op.uid(), new AttributeInput(op.name(), op.key(), op.description()));
    return new AttributeWritten(op.key(), op.uid(), "updated");
  }

  StepResult createEvent(Op.CreateEvent op) {
    var client = about("event", op.key());
    var created =
        Writes.createOnce(
            "create event " + op.key(),
            () -> client.createEvent(new EventInput(op.key(), op.description())),
            () -> client.listEvents().stream().filter(x -> op.key().equals(x.key())).findFirst());
    return new EventWritten(op.key(), created.uid(), "uid " + created.uid());
  }

  StepResult updateEvent(Op.UpdateEvent op) {
    about("event", op.key()).updateEvent(op.uid(), new EventInput(op.key(), op.description()));
    return new EventWritten(op.key(), op.uid(), "updated");
  }

  StepResult createAudience(Op.CreateAudience op, Inputs in) {
    var client = about("audience", op.name());
    JsonNode definition = AudienceRuleCodec.withUids(op.definition(), in::attributeUid);
    var created =
        Writes.createOnce(
            "create audience '" + op.name() + "'",
            () -> client.createAudience(new AudienceInput(op.name(), op.description(), definition)),
            () ->
                client.listAudiences().stream()
                    .filter(x -> op.name().equals(x.name()))
                    .findFirst());
    return new AudienceWritten(op.name(), created.uid(), "uid " + created.uid());
  }

  StepResult updateAudience(Op.UpdateAudience op, Inputs in) {
    JsonNode definition = AudienceRuleCodec.withUids(op.definition(), in::attributeUid);
    about("audience", op.name())
        .updateAudience(op.uid(), new AudienceInput(op.name(), op.description(), definition));
    return new AudienceWritten(op.name(), op.uid(), "updated");
  }

  StepResult createExperience(Op.CreateExperience op) {
    var client = about("experience", op.name());
    RemoteExperience created =
        Writes.createOnce(
            "create experience '" + op.name() + "'",
            () ->
                client.createExperience(
                    new ExperienceInput(op.name(), op.description(), op.type(), op.tags())),
            () ->
                client.listExperiences().stream()
                    .filter(x -> op.name().equals(x.name()))
                    .findFirst());
    return new ExperienceWritten(
        op.name(), created.uid(), created.latestVersion(), "uid " + created.uid());
  }

  StepResult updateExperience(Op.UpdateExperience op) {
    about("experience", op.name())
        .updateExperience(
            op.uid(), new ExperienceInput(op.name(), op.description(), op.type(), op.tags()));
    return new ExperienceWritten(op.name(), op.uid(), null, "updated");
  }

  StepResult deleteExperience(Op.DeleteExperience op) {
    return delete(() -> about("experience", op.name()).deleteExperience(op.uid()));
  }

  StepResult deleteAudience(Op.DeleteAudience op) {
    return delete(() -> about("audience", op.name()).deleteAudience(op.uid()));
  }

  StepResult deleteEvent(Op.DeleteEvent op) {
    return delete(() -> about("event", op.key()).deleteEvent(op.uid()));
  }

  StepResult deleteAttribute(Op.DeleteAttribute op) {
    return delete(() -> about("attribute", op.key()).deleteAttribute(op.uid()));
  }

  private static StepResult delete(Runnable call) {
    try {
      call.run();
      return new Done("deleted");
    } catch (RemoteApiException e) {
      if (e.status() == 404) return new Done("already gone");
      throw e;
    }
  }
}
