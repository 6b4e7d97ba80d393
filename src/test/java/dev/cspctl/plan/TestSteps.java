package dev.cspctl.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.PublishSettings.PublishMethod;
import java.util.Arrays;
import java.util.List;

/**
 * Steps for tests of what runs steps (executor, progress, critical path): any type, minimal
 * operation.
 */
public final class TestSteps {
  private TestSteps() {}

  /** A step of {@code type} on {@code subject} (the experience for experience steps). */
  public static Step step(String id, StepType type, String subject, String... dependsOn) {
    return new Step(
        new StepId(id), op(type, subject), id, Arrays.stream(dependsOn).map(StepId::new).toList());
  }

  public static Step described(String id, StepType type, String subject, String description) {
    return new Step(new StepId(id), op(type, subject), description, List.of());
  }

  /** A minimal operation of a type, acting on {@code s}. */
  public static Op op(StepType type, String s) {
    var empty = JsonNodeFactory.instance.objectNode();
    return switch (type) {
      case CREATE_ATTRIBUTE -> new Op.CreateAttribute(s, s, "");
      case UPDATE_ATTRIBUTE -> new Op.UpdateAttribute(s, s, "", "uid");
      case CREATE_EVENT -> new Op.CreateEvent(s, "");
      case UPDATE_EVENT -> new Op.UpdateEvent(s, "", "uid");
      case CREATE_AUDIENCE -> new Op.CreateAudience(s, "", empty);
      case UPDATE_AUDIENCE -> new Op.UpdateAudience(s, "", empty, "uid");
      case CREATE_EXPERIENCE -> new Op.CreateExperience(s, "", ExperienceType.SEGMENTED, null);
      case UPDATE_EXPERIENCE ->
          new Op.UpdateExperience("uid", s, "", ExperienceType.SEGMENTED, null);
      case PAUSE_VERSION -> new Op.PauseVersion(s, "uid", "v");
      case CREATE_DRAFT_VERSION -> new Op.CreateDraftVersion(s, "uid");
      case CONFIGURE_VERSION ->
          new Op.ConfigureVersion(
              s, ExperienceType.SEGMENTED, null, List.of(), List.of(), null, null);
      case LINK_CONTENT_TYPES -> new Op.LinkContentTypes(s, List.of());
      case UPSERT_ENTRY_VARIANT -> new Op.UpsertEntryVariant(s, "v", "ct", "e", "en-us", empty);
      case PUBLISH_ENTRY_VARIANTS ->
          new Op.PublishEntryVariants(s, PublishMethod.BULK, List.of(), List.of());
      case ACTIVATE_VERSION -> new Op.ActivateVersion(s);
      case REFRESH_CMS -> new Op.RefreshCms(s);
      case SET_PRIORITY -> new Op.SetPriority(List.of(s));
      case DELETE_ENTRY_VARIANT -> new Op.DeleteEntryVariant(s, "v", "cs", "ct", "e", "en-us");
      case DELETE_EXPERIENCE -> new Op.DeleteExperience("uid", s);
      case DELETE_AUDIENCE -> new Op.DeleteAudience("uid", s);
      case DELETE_EVENT -> new Op.DeleteEvent("uid", s);
      case DELETE_ATTRIBUTE -> new Op.DeleteAttribute("uid", s);
    };
  }
}
