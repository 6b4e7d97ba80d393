package dev.cspctl.plan;

/**
 * The kinds of API operation apply runs, in the order of the product brief (the tie-break of the
 * plan's order), each with its {@link Op} record: the type id of operations in saved plans.
 */
public enum StepType {
  CREATE_ATTRIBUTE(Op.CreateAttribute.class),
  UPDATE_ATTRIBUTE(Op.UpdateAttribute.class),
  CREATE_EVENT(Op.CreateEvent.class),
  UPDATE_EVENT(Op.UpdateEvent.class),
  CREATE_AUDIENCE(Op.CreateAudience.class),
  UPDATE_AUDIENCE(Op.UpdateAudience.class),
  CREATE_EXPERIENCE(Op.CreateExperience.class),
  UPDATE_EXPERIENCE(Op.UpdateExperience.class),
  PAUSE_VERSION(Op.PauseVersion.class),
  CREATE_DRAFT_VERSION(Op.CreateDraftVersion.class),
  CONFIGURE_VERSION(Op.ConfigureVersion.class),
  LINK_CONTENT_TYPES(Op.LinkContentTypes.class),
  UPSERT_ENTRY_VARIANT(Op.UpsertEntryVariant.class),
  PUBLISH_ENTRY_VARIANTS(Op.PublishEntryVariants.class),
  ACTIVATE_VERSION(Op.ActivateVersion.class),
  REFRESH_CMS(Op.RefreshCms.class),
  SET_PRIORITY(Op.SetPriority.class),
  DELETE_ENTRY_VARIANT(Op.DeleteEntryVariant.class),
  DELETE_EXPERIENCE(Op.DeleteExperience.class),
  DELETE_AUDIENCE(Op.DeleteAudience.class),
  DELETE_EVENT(Op.DeleteEvent.class),
  DELETE_ATTRIBUTE(Op.DeleteAttribute.class);

  private final Class<? extends Op> opClass;

  StepType(Class<? extends Op> opClass) {
    this.opClass = opClass;
  }

  public Class<? extends Op> opClass() {
    return opClass;
  }

  private static final java.util.Map<Class<? extends Op>, StepType> BY_CLASS =
      new java.util.HashMap<>();

  static {
    for (StepType t : values()) BY_CLASS.put(t.opClass, t);
  }

  /** The type of an operation: the one whose record it is. */
  public static StepType of(Op op) {
    return BY_CLASS.get(op.getClass());
  }
}
