package dev.cspctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResourceRef;
import dev.cspctl.api.personalize.AttributeInput;
import dev.cspctl.api.personalize.AudienceInput;
import dev.cspctl.api.personalize.AudienceRuleCodec;
import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.api.personalize.Experience;
import dev.cspctl.api.personalize.ExperienceInput;
import dev.cspctl.plan.Step;
import dev.cspctl.spec.ExperienceType;
import java.util.Optional;
import java.util.function.Function;

/** Runs one step against the APIs: attributes, events, audiences, experience metadata, priority, deletes. */
final class StepRunner implements Function<Step, String> {
  private final ApplyContext ctx;
  private final VersionSteps versions;
  private final ContentSteps content;

  StepRunner(ApplyContext ctx) {
    this.ctx = ctx;
    VariantUids variants = new VariantUids(ctx);
    this.content = new ContentSteps(ctx, variants);
    this.versions = new VersionSteps(ctx, content, variants);
  }

  @Override
  public String apply(Step step) {
    JsonNode a = step.args();
    try {
      return switch (step.type()) {
        case CREATE_ATTRIBUTE -> createAttribute(a);
        case UPDATE_ATTRIBUTE -> {
          ctx.personalize().about(ref("attribute", a.path("key").asText())).updateAttribute(a.path("uid").asText(),
              new AttributeInput(a.path("name").asText(), a.path("key").asText(), a.path("description").asText()));
          yield "updated";
        }
        case CREATE_EVENT -> createEvent(a);
        case UPDATE_EVENT -> {
          ctx.personalize().about(ref("event", a.path("key").asText())).updateEvent(a.path("uid").asText(),
              new EventInput(a.path("key").asText(), a.path("description").asText()));
          yield "updated";
        }
        case CREATE_AUDIENCE -> createAudience(a);
        case UPDATE_AUDIENCE -> {
          String name = a.path("name").asText();
          ctx.personalize().about(ref("audience", name)).updateAudience(a.path("uid").asText(),
              new AudienceInput(name, a.path("description").asText(), definition(a)));
          ctx.uids().audiences.put(name, a.path("uid").asText());
          yield "updated";
        }
        case CREATE_EXPERIENCE -> createExperience(a);
        case UPDATE_EXPERIENCE -> {
          String name = a.path("name").asText();
          ctx.personalize().about(ref("experience", name)).updateExperience(a.path("uid").asText(),
              new ExperienceInput(name, a.path("description").asText(), type(a), tags(a)));
          ctx.uids().experiences.put(name, a.path("uid").asText());
          yield "updated";
        }
        case PAUSE_VERSION, CREATE_DRAFT_VERSION, CONFIGURE_VERSION, WAIT_CMS, ACTIVATE_VERSION, REFRESH_CMS ->
            versions.run(step);
        case LINK_CONTENT_TYPES, UPSERT_ENTRY_VARIANT, PUBLISH_ENTRY_VARIANTS, DELETE_ENTRY_VARIANT -> content.run(step);
        case SET_PRIORITY -> new PriorityStep(ctx).run(a);
        case DELETE_EXPERIENCE -> delete(() -> ctx.personalize().about(ref("experience", a.path("name").asText()))
            .deleteExperience(a.path("uid").asText()));
        case DELETE_AUDIENCE -> delete(() -> ctx.personalize().about(ref("audience", a.path("name").asText()))
            .deleteAudience(a.path("uid").asText()));
        case DELETE_EVENT -> delete(() -> ctx.personalize().about(ref("event", a.path("key").asText()))
            .deleteEvent(a.path("uid").asText()));
        case DELETE_ATTRIBUTE -> delete(() -> ctx.personalize().about(ref("attribute", a.path("key").asText()))
            .deleteAttribute(a.path("uid").asText()));
      };
    } catch (RemoteApiException e) {
      throw new ApplyException(e.getMessage(), e);
    }
  }

  static ResourceRef ref(String kind, String name) {
    return ResourceRef.of(kind, name);
  }

  static ExperienceType type(JsonNode a) {
    return "AB_TEST".equals(a.path("type").asText()) ? ExperienceType.AB_TEST : ExperienceType.SEGMENTED;
  }

  private String createAttribute(JsonNode a) {
    String key = a.path("key").asText();
    var client = ctx.personalize().about(ref("attribute", key));
    var created = Writes.createOnce("create attribute " + key,
        () -> client.createAttribute(new AttributeInput(a.path("name").asText(), key, a.path("description").asText())),
        () -> client.listAttributes().stream().filter(x -> key.equals(x.key())).findFirst());
    ctx.uids().attributes.put(key, created.uid());
    return "uid " + created.uid();
  }

  private String createEvent(JsonNode a) {
    String key = a.path("key").asText();
    var client = ctx.personalize().about(ref("event", key));
    var created = Writes.createOnce("create event " + key,
        () -> client.createEvent(new EventInput(key, a.path("description").asText())),
        () -> client.listEvents().stream().filter(x -> key.equals(x.key())).findFirst());
    ctx.uids().events.put(key, created.uid());
    return "uid " + created.uid();
  }

  private JsonNode definition(JsonNode a) {
    return AudienceRuleCodec.withUids(a.path("definition"),
        key -> UidRegistry.require(ctx.uids().attributes, "attribute", key));
  }

  private String createAudience(JsonNode a) {
    String name = a.path("name").asText();
    var client = ctx.personalize().about(ref("audience", name));
    JsonNode def = definition(a);
    var created = Writes.createOnce("create audience '" + name + "'",
        () -> client.createAudience(new AudienceInput(name, a.path("description").asText(), def)),
        () -> client.listAudiences().stream().filter(x -> name.equals(x.name())).findFirst());
    ctx.uids().audiences.put(name, created.uid());
    return "uid " + created.uid();
  }

  private String createExperience(JsonNode a) {
    String name = a.path("name").asText();
    var client = ctx.personalize().about(ref("experience", name));
    Experience created = Writes.createOnce("create experience '" + name + "'",
        () -> client.createExperience(new ExperienceInput(name, a.path("description").asText(), type(a), tags(a))),
        () -> client.listExperiences().stream().filter(x -> name.equals(x.name())).findFirst());
    ctx.uids().experiences.put(name, created.uid());
    if (created.latestVersion() != null) ctx.uids().createdDrafts.put(name, created.latestVersion());
    return "uid " + created.uid();
  }

  private static String delete(Runnable call) {
    try {
      call.run();
      return "deleted";
    } catch (RemoteApiException e) {
      if (e.status() == 404) return "already gone";
      throw e;
    }
  }

  static Optional<String> text(JsonNode n, String field) {
    return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
  }

  static ObjectNode obj(JsonNode n) {
    return (ObjectNode) n;
  }

  /** The step's tags; null (left out of the body) when the step carries none. */
  private static java.util.List<String> tags(JsonNode a) {
    if (!a.has("tags")) return null;
    java.util.List<String> out = new java.util.ArrayList<>();
    a.get("tags").forEach(t -> out.add(t.asText()));
    return out;
  }
}
