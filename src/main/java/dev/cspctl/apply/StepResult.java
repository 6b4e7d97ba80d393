package dev.cspctl.apply;

import dev.cspctl.api.personalize.Version;
import dev.cspctl.plan.Op;
import java.util.Map;

/**
 * What a step produced: the line shown for it, and what the steps that depend on it read (they get
 * their ancestors' results from the executor, never from shared state).
 */
public sealed interface StepResult {
  String message();

  /** A step that hands nothing on (an update, a pause, a publish, a delete, the priority). */
  record Done(String message) implements StepResult {}

  record AttributeWritten(String key, String uid, String message) implements StepResult {}

  record EventWritten(String key, String uid, String message) implements StepResult {}

  record AudienceWritten(String name, String uid, String message) implements StepResult {}

  /**
   * An experience created or updated; {@code draftVersionUid} is the empty draft a create makes
   * (else null).
   */
  record ExperienceWritten(String name, String uid, String draftVersionUid, String message)
      implements StepResult {}

  record DraftCreated(String experience, String versionUid, String message) implements StepResult {}

  /**
   * The draft as configured (its variants carry the shortUids the API kept or minted) and the CMS
   * variant group that holds a variant for each.
   */
  record VersionConfigured(String experience, Version version, CmsSynced cms, String message)
      implements StepResult {}

  /**
   * The experience's CMS variant group and its variants (shortUid to CMS variant uid), as last
   * read.
   */
  record CmsSynced(
      String experience, String variantGroup, Map<String, String> cmsVariants, String message)
      implements StepResult {
    public CmsSynced {
      cmsVariants = Map.copyOf(cmsVariants);
    }
  }

  record EntryVariantWritten(Op.UpsertEntryVariant op, String cmsVariantUid, String message)
      implements StepResult {}
}
