package dev.cspctl.emulator;

import java.util.List;
import java.util.Set;

/**
 * Every emulator behaviour that rests on an inference ([inf]) or on nothing documented (SILENT) in
 * {@code contentstack-api.md} lives here, so that changing our reading of the real APIs is a
 * one-line edit. Each constant says what it models.
 *
 * <p>Behaviours without a switch (fixed by design, listed so they are not forgotten):
 *
 * <ul>
 *   <li>[inf] Logout ({@code DELETE /v3/user-session}) does not invalidate the fixed authtoken.
 *   <li>[inf] {@code GET /attributes} lists only CUSTOM attributes; presets are not resources.
 *   <li>[inf] Activation never regenerates CMS variant uids (the real API "may").
 *   <li>[inf] Publish environments are not validated (any non-empty name).
 *   <li>[inf] Experience rename does not rename its CMS variant group.
 *   <li>[inf] One project per emulator (see STACK_ALREADY_CONNECTED); rate limits are per emulator
 *       (the real ones per org).
 *   <li>[inf] Switches in {@link EmulatorConfig}: {@code withoutProject} (start as a stack with no
 *       project: POST /projects creates it), {@code stalePriorityUids} (a deleted experience's uid
 *       stays in the priority list and is still required), {@code regenerateCmsOnActivation}.
 *   <li>[inf] Bulk job items ({@code GET /v3/bulk/jobs/{id}/items}): {@code {"items":[{uid,
 *       content_type, locale, environment, variant_uid, version, action, status:"success"}],
 *       "count"}}; jobs complete synchronously.
 *   <li>[inf] Entry variant versions: one per write, {@code {_version, locale, created_at,
 *       _change_set}}.
 *   <li>[inf] Equal split: the service writes 100/n shares to the variants, the first ones taking
 *       the remainder (34/33/33).
 * </ul>
 */
public final class EmulatorAssumptions {
  private EmulatorAssumptions() {}

  // ---- Auth ----
  /** [inf] OAuth on Personalize: "Bearer <token>"; the bare token is also accepted. */
  public static final boolean PERSONALIZE_ACCEPTS_BARE_OAUTH = true;

  /** [inf] Missing x-project-uid header status (wrong value gives WRONG_PROJECT_STATUS). */
  public static final int MISSING_PROJECT_STATUS = 401;

  /** [inf] Wrong x-project-uid status. */
  public static final int WRONG_PROJECT_STATUS = 403;

  /** [inf] Message for a wrong/missing project uid. */
  public static final String PROJECT_MESSAGE = "personalize.PROJECTS.NOT_FOUND_OR_NOT_ALLOWED";

  /** [code-u] message for any rejected Personalize token (incl. management tokens). */
  public static final String NOT_LOGGED_IN = "You're not allowed in here unless you're logged in.";

  /** [inf] CMA checks api_key (412) before the token (401). */
  public static final boolean CMA_CHECKS_API_KEY_FIRST = true;

  /** [inf] CMA internal error codes (error_code field). */
  public static final int CMA_CODE_API_KEY = 109;

  public static final int CMA_CODE_UNAUTHORIZED = 105;
  public static final int CMA_CODE_LOGIN_FAILED = 104;
  public static final int CMA_CODE_TFA_REQUIRED = 294;
  public static final int CMA_CODE_NOT_FOUND = 118;
  public static final int CMA_CODE_VALIDATION = 119;
  public static final int CMA_CODE_VARIANT_NOT_LINKED = 141;

  /** [inf] Login without tfa_token when TFA is configured: HTTP 294 as the CLI expects. */
  public static final int TFA_REQUIRED_STATUS = 294;

  // ---- Personalize envelopes and statuses ----
  /** [inf] POST creates answer 201 (NestJS default); PUT 200. */
  public static final int PERSONALIZE_CREATED = 201;

  /** [inf] DELETE of attributes/events/audiences/versions answers 204 like experiences. */
  public static final int PERSONALIZE_DELETED = 204;

  /**
   * [inf] Validation envelope: {"errors":{field:[codes]}}; business rules:
   * {"message","statusCode"}.
   */
  public static final int PERSONALIZE_VALIDATION_STATUS = 400;

  /**
   * [inf] Wrong method on a known Personalize path answers like an unknown route (404 "Cannot X
   * /p").
   */
  public static final int PERSONALIZE_WRONG_METHOD_STATUS = 404;

  /** [inf] Wrong method on a known CMA path. */
  public static final int CMA_WRONG_METHOD_STATUS = 405;

  /** [inf] Code for a missing required field. */
  public static final String REQUIRED = "REQUIRED";

  /** [inf] Unknown resource: 404 with message personalize.{KIND}.NOT_FOUND. */
  public static String notFound(String kind) {
    return "personalize." + kind + ".NOT_FOUND";
  }

  // ---- Projects (no x-project-uid; header organization_uid) ----
  /** [code] CLIV: GET /projects?connectedStackApiKey= answers a bare array of projects. */
  public static final String PROJECT_STACK_FILTER = "connectedStackApiKey";

  /** [inf] The organization every emulated project and user belongs to (the login's org_uid). */
  public static final String ORGANIZATION_UID = "blt0rg0000000000000";

  /** [inf] /projects refuses a request without the organization_uid header (400) when true. */
  public static final boolean PROJECTS_REQUIRE_ORGANIZATION = false;

  public static final String ORGANIZATION_REQUIRED =
      "personalize.PROJECTS.ORGANIZATION_UID_REQUIRED";

  /** [code] CLIV: a second project with a taken name. */
  public static final String DUPLICATE_PROJECT_NAME = "personalize.PROJECTS.DUPLICATE_NAME";

  /**
   * [inf] A stack is connected to at most one project; the emulator models one stack, so it holds
   * at most one project: POST /projects while one exists is refused with this code.
   */
  public static final String STACK_ALREADY_CONNECTED =
      "personalize.PROJECTS.STACK_ALREADY_CONNECTED";

  /** [inf] POST /projects for a stack API key other than the emulated stack's. */
  public static final String STACK_NOT_FOUND = "personalize.PROJECTS.STACK_NOT_FOUND";

  /** [inf] A project created by POST /projects gets a fresh uid (not the configured one). */
  public static final boolean CREATED_PROJECT_GETS_NEW_UID = true;

  // ---- Personalize model ----
  /** SILENT: attribute keys and event keys are unique per project. */
  public static final String DUPLICATE_ATTRIBUTE_KEY = "personalize.ATTRIBUTES.DUPLICATE_KEY";

  public static final String DUPLICATE_EVENT_KEY = "personalize.EVENTS.DUPLICATE_KEY";

  /**
   * SILENT: deleting an attribute (used by an audience), an audience (used by a version) or an
   * event (used by a metric) is refused with 400 personalize.{KIND}.IN_USE when false.
   */
  public static final boolean ALLOW_DELETE_REFERENCED = false;

  /** [inf] The environments of a new emulated stack (GET /v3/environments). */
  public static final java.util.List<String> DEFAULT_ENVIRONMENTS =
      java.util.List.of("development", "staging", "production");

  /**
   * [inf] The locales of a new emulated stack (GET /v3/locales); the first is the master locale.
   */
  public static final java.util.List<String> DEFAULT_LOCALES =
      java.util.List.of("en-us", "de-de", "fr-fr", "es-es", "ja-jp");

  /**
   * §14 [code]: entry variants carry {@code publish_details} (environment uid, locale, version)
   * when read with {@code include_publish_details=true}; [inf] without it they carry none.
   */
  public static final String INCLUDE_PUBLISH_DETAILS = "include_publish_details";

  /**
   * SILENT (§14): whether an ARCHIVED version's references block deleting an audience or event.
   * [inf] They do not: an archived version holds nothing that serves.
   */
  public static final boolean ARCHIVED_VERSIONS_HOLD_REFERENCES = false;

  public static String inUse(String kind) {
    return "personalize." + kind + ".IN_USE";
  }

  /** SILENT: single GET of attributes/events/audiences exists. */
  public static final boolean SINGLE_GET_ENABLED = true;

  /** [code] §14: message when the audience rule count exceeds the cap (default 50). */
  public static final String MAX_RULES_MESSAGE = "personalize.AUDIENCES.RULE_COUNT_EXCEEDED";

  /**
   * [code] §14: activating a version with fewer variants than its type needs (A/B: 2, segmented:
   * 1).
   */
  public static final String INSUFFICIENT_VARIANTS =
      "personalize.EXPERIENCES.VERSIONS.INSUFFICIENT_VARIANTS_TO_ACTIVATE";

  /** [code] §14: deleting the only version of an experience, a draft. */
  public static final String CANNOT_DELETE_ONLY_DRAFT =
      "personalize.EXPERIENCES.VERSIONS.CANNOT_DELETE_ONLY_DRAFT";

  /**
   * [inf] The emulator has no Lytics account: any 32-hex Lytics uid is accepted, so
   * VARIANTS_REFERRED_LYTICS_AUDIENCE_DOES_NOT_EXIST (§14) is never produced.
   */
  public static final String LYTICS_MISSING =
      "personalize.EXPERIENCES.VERSIONS.VARIANTS_REFERRED_LYTICS_AUDIENCE_DOES_NOT_EXIST";

  /** [inf] An empty RuleCombination.rules is rejected. */
  public static final boolean EMPTY_RULE_COMBINATION_REJECTED = true;

  /** SILENT: which option types time/JSON conditions take; we accept any known option type. */
  public static final Set<String> LENIENT_CONDITIONS =
      Set.of("JSON_MATCH", "BEFORE_TIME", "AFTER_TIME", "BETWEEN_TIME");

  /** [inf] Quota breach message. */
  public static String quotaExceeded(String kind) {
    return "personalize." + kind + ".LIMIT_EXCEEDED";
  }

  /** [inf] Changing an experience __type once a version has variants is rejected. */
  public static final String CANNOT_CHANGE_TYPE = "personalize.EXPERIENCES.CANNOT_CHANGE_TYPE";

  /** [inf] GET /experiences lists in creation order (not priority order). */
  public static final boolean LIST_EXPERIENCES_BY_PRIORITY = false;

  /**
   * [inf] Experience status: ACTIVE if any version ACTIVE, else PAUSED if any PAUSED, else DRAFT.
   */
  public static final List<String> STATUS_PRECEDENCE = List.of("ACTIVE", "PAUSED", "DRAFT");

  /** [inf] referredAudiences come from the latest version. */
  public static final boolean REFERRED_FROM_LATEST_VERSION = true;

  // ---- Versions ----
  /** [inf] Archived status value. */
  public static final String ARCHIVED = "ARCHIVED";

  /** [inf] "PAUSE" (seen in the CLI) is not accepted as an alias of PAUSED. */
  public static final boolean ACCEPT_PAUSE_ALIAS = false;

  /** [inf] Activating a draft archives the previous ACTIVE and any PAUSED version. */
  public static final boolean ACTIVATION_ARCHIVES_PAUSED = true;

  /**
   * [inf] The code of the refusal when {@link EmulatorConfig#refuseDraftBesideActive()} is on (the
   * documented service allows a draft beside the active version, §14).
   */
  public static final String DRAFT_BESIDE_ACTIVE_REFUSED =
      "personalize.EXPERIENCES.VERSIONS.CANNOT_CREATE_DRAFT_WHILE_ACTIVE";

  /** [inf] DRAFT -> PAUSED is rejected. */
  public static final String INVALID_TRANSITION =
      "personalize.EXPERIENCES.VERSIONS.INVALID_STATUS_TRANSITION";

  /** [inf] Deleting an ACTIVE or PAUSED version is rejected. */
  public static final String CANNOT_DELETE_LIVE_VERSION =
      "personalize.EXPERIENCES.VERSIONS.CANNOT_DELETE_ACTIVE_VERSION";

  /** [inf] A sent shortUid the experience never had is rejected. */
  public static final String UNKNOWN_SHORT_UID = "INVALID_SHORT_UID";

  /** [inf] Audience uid that is a valid ObjectId but does not exist. */
  public static String audienceMissing(String id) {
    return id + " is not an existing audience";
  }

  /** [inf] Secondary metric type name. */
  public static final Set<String> METRIC_TYPES = Set.of("Primary", "Secondary");

  /** [conflict] trafficDistribution may be a number or a numeric string. */
  public static final boolean TRAFFIC_AS_STRING_ALLOWED = true;

  /** [inf] Validation error keys for variant fields look like "variants[0].audiences". */
  public static String variantField(int index, String field) {
    return "variants[" + index + "]." + field;
  }

  /** [code-u] §14: the version field {@code variantSplit}; "EQUALLY_SPLIT" is seen live. */
  public static final String EQUAL_SPLIT = "EQUALLY_SPLIT";

  /**
   * SILENT/[inf] §14: the custom-split value; a version without variantSplit is a custom split too.
   */
  public static final String CUSTOM_SPLIT = "CUSTOM_SPLIT";

  /** SILENT: the multi-armed bandit value; accepted, and then shares are taken as sent. */
  public static final Set<String> VARIANT_SPLITS =
      Set.of(EQUAL_SPLIT, CUSTOM_SPLIT, "MULTI_ARMED_BANDIT");

  /**
   * [inf] §14: an A/B version's target group is {@code targeting:{audience:{audiences:[uid…],
   * audienceCombinationType}}} (the shape of older CLI exports); no targeting = everyone. Segmented
   * versions refuse targeting when this is true.
   */
  public static final boolean TARGETING_ONLY_FOR_AB = true;

  public static final String TARGETING_NOT_ALLOWED = "TARGETING_ONLY_FOR_AB_TEST";

  /** [inf] What a version PUT omits (metrics, targeting, variantSplit) is cleared (§14). */
  public static final boolean PUT_CLEARS_OMITTED = true;

  /**
   * [doc] §14: experience tags: at most 10, each at most 32 of a-z A-Z 0-9 - _ :, stored lowercase,
   * de-duplicated.
   */
  public static final int MAX_TAGS = 10;

  public static final int MAX_TAG_LENGTH = 32;

  /** [inf] Validation codes for tags (the documented limits; the codes are ours). */
  public static final String TAGS_LIMIT = "MAX_10_TAGS";

  public static final String TAG_INVALID = "INVALID_TAG";

  /**
   * [inf] Tags omitted from an experience PUT are kept (tags are not versioned; PUT is not a full
   * replacement).
   */
  public static final boolean EXPERIENCE_PUT_KEEPS_OMITTED_TAGS = true;

  /** [inf] POST /versions may carry variants/metrics (validated like PUT). */
  public static final boolean POST_VERSION_ACCEPTS_BODY = true;

  // ---- Priority ----
  public static final String MISSING_EXPERIENCES =
      "personalize.EXPERIENCES_PRIORITY.MISSING_EXPERIENCES";

  /** [inf] Unknown or duplicate uid in priorityOrder. */
  public static final String INVALID_EXPERIENCES =
      "personalize.EXPERIENCES_PRIORITY.INVALID_EXPERIENCES";

  // ---- CMA ----
  /** [inf] Default variant-group page size (docs' example); max 100. */
  public static final int VARIANT_GROUP_DEFAULT_LIMIT = 30;

  /** [inf] Default entry-variant page size. */
  public static final int ENTRY_VARIANT_DEFAULT_LIMIT = 100;

  public static final int MAX_LIMIT = 100;

  /** [inf] A limit over the max is clamped (not rejected). */
  public static final boolean CLAMP_LIMIT = true;

  /**
   * [doc] asc|desc=created_at|name on the variant-group list; [inf] updated_at and uid too, by
   * string order.
   */
  public static final Set<String> SORT_FIELDS = Set.of("created_at", "updated_at", "name", "uid");

  /** [inf] GET …/variants/{uid}/versions answers {"versions":[…]} newest first, one per write. */
  public static final boolean VARIANT_VERSIONS_NEWEST_FIRST = true;

  /** [inf] Name change on a Personalize-managed group is ignored. */
  public static final boolean GROUP_NAME_EDITABLE = false;

  /** [inf] Status code for "Name or content types is required". */
  public static final int GROUP_UPDATE_INVALID_STATUS = 422;

  /** [inf] Entry variant not-linked status (doc says 422 or 412). */
  public static final int VARIANT_NOT_LINKED_STATUS = 422;

  /** [inf] Entry variant upsert: 201 when created, 200 when updated. */
  public static final int ENTRY_VARIANT_CREATED = 201;

  /** [inf] Locale when ?locale is absent. */
  public static final String DEFAULT_LOCALE = "en-us";

  /** [inf] Entry-variant responses show the base entry overlaid with the variant's fields. */
  public static final boolean VARIANT_RESPONSE_MERGED = true;

  /** [inf] Entry variant _version starts at 1 and counts its own writes. */
  public static final int FIRST_VARIANT_VERSION = 1;

  /** [inf] Fields never part of _change_set. */
  public static final Set<String> SYSTEM_FIELDS =
      Set.of(
          "uid",
          "_version",
          "locale",
          "created_at",
          "updated_at",
          "created_by",
          "updated_by",
          "ACL",
          "_in_progress",
          "publish_details",
          "_variant",
          "_metadata",
          "tags",
          "_rules",
          "_workflow",
          "content_type_uid");

  /** [decision] Variants in bulk publish are modelled as publishing those variants. */
  public static final boolean BULK_PUBLISHES_VARIANTS = true;

  /** [inf] Missing api_version: 3.2 with variants on single-entry publish answers 422. */
  public static final int PUBLISH_API_VERSION_STATUS = 422;

  public static final String PUBLISH_API_VERSION = "3.2";

  /**
   * [inf] Bulk publish/unpublish items with variants need api_version: 3.2 (the CLI sends it); off:
   * accepted without.
   */
  public static final boolean BULK_VARIANTS_NEED_API_VERSION = false;

  /**
   * [inf] Unpublishing a base entry also unpublishes its variants in those locales and
   * environments.
   */
  public static final boolean UNPUBLISH_BASE_TAKES_VARIANTS = true;

  /** [inf] Unpublishing what is not published succeeds (a no-op), as publishing twice does. */
  public static final boolean UNPUBLISH_UNPUBLISHED_IS_OK = true;

  /** [inf] publish_latest_base_conditionally publishes the base when it was never published. */
  public static final boolean CONDITIONAL_BASE_IF_UNPUBLISHED = true;

  /** [inf] Bulk publish counts only against the bulk bucket (not CMA writes). */
  public static final boolean BULK_ALSO_COUNTS_AS_WRITE = false;

  /** SILENT: Personalize sends Retry-After on 429 too (we do). */
  public static final boolean PERSONALIZE_RETRY_AFTER = true;

  /** [inf] Max request body. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** [inf] Wrong Content-Type on POST/PUT with a body. */
  public static final int WRONG_CONTENT_TYPE_STATUS = 415;

  // ---- Version validation codes [inf] ----
  public static final String STATUS_REQUIRED = "STATUS_REQUIRED";
  public static final String INVALID_STATUS = "INVALID_STATUS";
  public static final String VARIANTS_NOT_ARRAY = "VARIANTS_NOT_ARRAY";

  /** [inf] Code for other non-array fields, by analogy with VARIANTS_NOT_ARRAY. */
  public static String notArray(String field) {
    return field + "_NOT_ARRAY";
  }

  public static final String EMPTY_ARRAY = "EMPTY_ARRAY";
  public static final String NOT_VALID_ENUM = "NOT_VALID_ENUM";

  /** [inf] A/B traffic must sum to 100. */
  public static final String TRAFFIC_SUM = "TRAFFIC_DISTRIBUTION_MUST_SUM_TO_100";

  /** [inf] A/B needs two variants. */
  public static final String MIN_AB_VARIANTS = "MIN_2_VARIANTS_REQUIRED";

  /** [inf] More variants than the quota. */
  public static final String MAX_VARIANTS = "MAX_VARIANTS_EXCEEDED";

  /** [inf] Metric event that does not exist. */
  public static String eventMissing(String id) {
    return id + " is not an existing event";
  }

  /** [inf] The experience has no _cms field until the first sync created its group. */
  public static final boolean CMS_FIELD_ABSENT_UNTIL_SYNC = true;

  /** [inf] Name suffix for a clashing CMS group name: " (1)", " (2)", ... */
  public static String clashingGroupName(String name, int n) {
    return name + " (" + n + ")";
  }
}
