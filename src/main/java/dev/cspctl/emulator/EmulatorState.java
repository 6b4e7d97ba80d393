package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole emulated world of one Personalize project and its stack, as plain serialisable data.
 * Guarded by {@link Store}'s lock; never touched without it.
 */
public final class EmulatorState {
  public int formatVersion = 1;

  /**
   * The Personalize project connected to the stack ({@code uid}, {@code name}, {@code description},
   * {@code connectedStackApiKey}, {@code organizationUid}, …); null while the emulator holds none
   * (started empty, until {@code POST /projects}).
   */
  public ObjectNode project;

  public Map<String, ObjectNode> attributes = new LinkedHashMap<>();
  public Map<String, ObjectNode> events = new LinkedHashMap<>();
  public Map<String, ObjectNode> audiences = new LinkedHashMap<>();
  public Map<String, ExperienceRecord> experiences = new LinkedHashMap<>();
  public List<String> priorityOrder = new ArrayList<>();
  public long nextExperienceShortUid;

  /** Content types by uid. */
  public Map<String, ObjectNode> contentTypes = new LinkedHashMap<>();

  /** Base entries keyed {@code ct/entryUid}. */
  public Map<String, ObjectNode> entries = new LinkedHashMap<>();

  /** CMS variant groups by uid (without their variants array). */
  public Map<String, ObjectNode> variantGroups = new LinkedHashMap<>();

  /** CMS variants by uid. */
  public Map<String, ObjectNode> cmsVariants = new LinkedHashMap<>();

  /** Entry variants keyed {@code ct/entry/locale/variantUid}. */
  public Map<String, ObjectNode> entryVariants = new LinkedHashMap<>();

  /** _cms syncs not yet done (absolute due time, so they survive save/load). */
  public List<PendingSync> pendingSyncs = new ArrayList<>();

  /** Published versions keyed {@code ct/entry/locale/variantUid-or-base/environment}. */
  public Map<String, ObjectNode> published = new LinkedHashMap<>();

  /** Every publish event in order. */
  public List<ObjectNode> publishEvents = new ArrayList<>();

  public long jobCounter;

  /**
   * Publishing environments by name (absent in states saved before they were modelled: defaults).
   */
  public Map<String, ObjectNode> environments = StackSettings.defaultEnvironments();

  /** Stack locales by code. */
  public Map<String, ObjectNode> locales = StackSettings.defaultLocales();

  /** The project uid requests must carry in x-project-uid, or null when there is no project. */
  public String projectUid() {
    return project == null ? null : project.path("uid").asText(null);
  }

  /** Key of a published record; {@code variant} null means the base entry. */
  public static String publishKey(
      String ct, String entry, String locale, String variant, String env) {
    return ct + "/" + entry + "/" + locale + "/" + (variant == null ? "base" : variant) + "/" + env;
  }
}
