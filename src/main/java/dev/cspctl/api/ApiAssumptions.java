package dev.cspctl.api;

/**
 * Every behaviour of the remote APIs that contentstack-api.md marks [inf] or SILENT, and every
 * conflict resolved in its "Decisions for cspctl", lives here as ONE named constant so that
 * switching is a one-line change. Section numbers refer to contentstack-api.md.
 */
public final class ApiAssumptions {
  /**
   * Personalize error codes cspctl explains in a step's failure line (the codes appear in the
   * service's message, e.g. {@code personalize.EXPERIENCES.INSUFFICIENT_VARIANTS_TO_ACTIVATE}).
   */
  public static final String INSUFFICIENT_VARIANTS_TO_ACTIVATE =
      "INSUFFICIENT_VARIANTS_TO_ACTIVATE";

  public static final String LYTICS_AUDIENCE_DOES_NOT_EXIST =
      "VARIANTS_REFERRED_LYTICS_AUDIENCE_DOES_NOT_EXIST";
  public static final String RULE_COUNT_EXCEEDED = "RULE_COUNT_EXCEEDED";
  public static final String CANNOT_DELETE_ONLY_DRAFT = "CANNOT_DELETE_ONLY_DRAFT";

  private ApiAssumptions() {}

  /** §0 [inf]: an OAuth token is sent as {@code authorization: Bearer <token>}. */
  public static final String OAUTH_PREFIX = "Bearer ";

  /**
   * Decision 6 / §6 [code-u]: PUT /experiences-priority body is {@code {"priorityOrder":[...]}}
   * holding every experience uid, highest first.
   */
  public static final String PRIORITY_FIELD = "priorityOrder";

  /**
   * §6 SILENT/[inf]: the GET /experiences-priority reply is read as {@code {"priorityOrder":[…]}};
   * a bare JSON array is accepted too when this is true.
   */
  public static final boolean PRIORITY_GET_ACCEPTS_BARE_ARRAY = true;

  /**
   * §5 [conflict]: {@code trafficDistribution} is written as a JSON number (docs, code-u) rather
   * than a string (CLI type). Reading accepts both.
   */
  public static final boolean TRAFFIC_DISTRIBUTION_AS_STRING = false;

  /** §5 [inf]: {@code __type} of non-primary metrics. */
  public static final String SECONDARY_METRIC_TYPE = "Secondary";

  /** §5 [doc]: {@code __type} of the first (primary) metric. */
  public static final String PRIMARY_METRIC_TYPE = "Primary";

  /**
   * §14 [code-u]: {@code variantSplit} value of an A/B version whose variants share traffic
   * equally.
   */
  public static final String EQUAL_SPLIT = "EQUALLY_SPLIT";

  /** §14 SILENT/[inf]: {@code variantSplit} value of a custom split (shares from the variants). */
  public static final String CUSTOM_SPLIT = "CUSTOM_SPLIT";

  /**
   * §14 [inf]: an equal split is sent without {@code trafficDistribution} on its variants (the
   * service computes the shares). False: the client sends the equal shares itself as well.
   */
  public static final boolean EQUAL_SPLIT_OMITS_SHARES = true;

  /** §5 [inf]: the written value for the archived version status. */
  public static final String ARCHIVED_STATUS = "ARCHIVED";

  /**
   * Decision 4 / §8: link content types with {@code PUT /v3/variant_groups/{uid}} carrying {@code
   * name} + full {@code content_types}. False switches to the documented {@code PUT
   * /v3/variant_groups/{uid}/variants} form.
   */
  public static final boolean LINK_VIA_GROUP_PUT = true;

  /**
   * Decision 3 / §14 [doc]: a DRAFT may exist beside the ACTIVE version, and activating it archives
   * the active one, so an active experience is changed without downtime. Should a service refuse
   * that ([inf]), {@code CSPCTL_DRAFT_BESIDE_ACTIVE=false} makes cspctl pause the active version
   * first (the plan warns that visitors then see base content).
   */
  public static final boolean DRAFT_BESIDE_ACTIVE = true;

  public static final String DRAFT_BESIDE_ACTIVE_VARIABLE = "CSPCTL_DRAFT_BESIDE_ACTIVE";

  /** {@link #DRAFT_BESIDE_ACTIVE}, unless the environment variable says {@code false}. */
  public static boolean draftBesideActive() {
    String v = System.getenv(DRAFT_BESIDE_ACTIVE_VARIABLE);
    return (v == null || v.isBlank()) ? DRAFT_BESIDE_ACTIVE : !"false".equalsIgnoreCase(v.trim());
  }

  /** How variants are carried in a bulk publish {@code entries[]} item. */
  public enum BulkVariantFormat {
    /**
     * {@code "variants":[{"uid":"cs…"}]} on the item (SKILL-EXP says this may publish base only).
     */
    VARIANTS_ARRAY,
    /** {@code "variant_uid":"cs…"} on the item, one item per variant (SKILL-VAR). */
    VARIANT_UID_FIELD
  }

  /**
   * §10 [conflict] / decision 5: bulk publish of variants is undocumented. cspctl sends {@code
   * entries[].variants:[{uid}]} with {@code api_version: 3.2}. The single-entry endpoint ({@code
   * publish.method: entry}) is the documented alternative.
   */
  public static final BulkVariantFormat BULK_VARIANT_FORMAT = BulkVariantFormat.VARIANTS_ARRAY;

  /** §10 [doc]: {@code api_version} header value for variant publishing. */
  public static final String VARIANT_PUBLISH_API_VERSION = "3.2";

  /** §10 [doc]: bulk publish limits per request. */
  public static final int BULK_MAX_ENTRIES = 10;

  public static final int BULK_MAX_LOCALES = 10;
  public static final int BULK_MAX_ENVIRONMENTS = 10;

  /**
   * §10 SILENT: no limit on the variants of one bulk {@code entries[]} item is documented (the
   * CDA's {@code VARIANT_LIMIT_EXCEEDED}, §12, is about delivery headers). cspctl puts all the
   * variants of an entry that are ready together in one item; a number here splits them into items
   * of at most that many ({@code BulkPublishQueue}).
   */
  public static final int BULK_MAX_VARIANTS_PER_ENTRY = Integer.MAX_VALUE;

  /** §11 [doc]: CMA page size maximum. */
  public static final int CMA_PAGE_LIMIT = 100;

  // §11 [inf]: {@code count} appears with {@code include_count=true}; when absent, pagination
  // continues while a page is full (see cma.Pager).

  /** §2 [doc]/[code-u]: Personalize uids are 24-hex ObjectIds. */
  public static final String PERSONALIZE_UID_PATTERN = "[0-9a-f]{24}";

  /**
   * §8 [doc]: CMS variant group / variant uids are {@code cs} + 16 hex. Enforced for what
   * Personalize manages ({@code _cms} of an experience, groups carrying {@code
   * personalize_metadata.experience_uid} and their variants). Groups created directly in the CMA
   * (JSM exposes POST /variant_groups, which may take a caller-chosen uid [inf]) and entry variants
   * only need a non-blank uid, so that one foreign group cannot make the whole state unreadable.
   */
  public static final String CMS_VARIANT_UID_PATTERN = "cs[0-9a-f]{16}";

  // §2/§3/§4 [code]: Personalize list endpoints return bare JSON arrays with no pagination; the
  // client decodes List<T> directly (PersonalizeClient). SILENT: query parameters, filters.
}
