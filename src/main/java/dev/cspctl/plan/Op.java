package dev.cspctl.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Match;
import dev.cspctl.spec.PublishSettings.PublishMethod;
import java.util.List;

/**
 * One API operation of a plan, as data: what apply sends, with resources named by natural key (a
 * uid known when the plan was made is carried; others come from the results of the steps the
 * operation depends on). The applier handles every kind through {@link Visitor}, so adding a kind
 * without handling it does not compile. Saved plans hold operations as JSON: the type id is {@link
 * #stepType()}, the fields are the record components (null ones left out).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Op {
  /** The type id of this operation in plans and step ids. */
  @JsonIgnore
  default StepType stepType() {
    return StepType.of(this);
  }

  /**
   * The natural key of the resource this operation acts on: its experience for experience steps.
   */
  @JsonIgnore
  String subject();

  <R> R accept(Visitor<R> visitor);

  /** One method per operation kind: the exhaustive dispatch of the applier and the renderers. */
  interface Visitor<R> {
    R visit(CreateAttribute op);

    R visit(UpdateAttribute op);

    R visit(CreateEvent op);

    R visit(UpdateEvent op);

    R visit(CreateAudience op);

    R visit(UpdateAudience op);

    R visit(CreateExperience op);

    R visit(UpdateExperience op);

    R visit(PauseVersion op);

    R visit(CreateDraftVersion op);

    R visit(ConfigureVersion op);

    R visit(LinkContentTypes op);

    R visit(UpsertEntryVariant op);

    R visit(PublishEntryVariants op);

    R visit(ActivateVersion op);

    R visit(RefreshCms op);

    R visit(SetPriority op);

    R visit(DeleteEntryVariant op);

    R visit(DeleteExperience op);

    R visit(DeleteAudience op);

    R visit(DeleteEvent op);

    R visit(DeleteAttribute op);
  }

  /** An operation on one experience's chain (its versions and content). */
  sealed interface OnExperience extends Op {
    String experience();

    @Override
    default String subject() {
      return experience();
    }
  }

  // --- attributes, events, audiences ---------------------------------------------------------

  record CreateAttribute(String key, String name, String description) implements Op {

    @Override
    public String subject() {
      return key;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record UpdateAttribute(String key, String name, String description, String uid) implements Op {

    @Override
    public String subject() {
      return key;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record CreateEvent(String key, String description) implements Op {

    @Override
    public String subject() {
      return key;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record UpdateEvent(String key, String description, String uid) implements Op {

    @Override
    public String subject() {
      return key;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * {@code definition}: the audience rules with attributes named by key (uids resolved at apply).
   */
  record CreateAudience(String name, String description, ObjectNode definition) implements Op {
    public CreateAudience {
      definition = definition.deepCopy();
    }

    @Override
    public ObjectNode definition() {
      return definition.deepCopy();
    }

    @Override
    public String subject() {
      return name;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record UpdateAudience(String name, String description, ObjectNode definition, String uid)
      implements Op {
    public UpdateAudience {
      definition = definition.deepCopy();
    }

    @Override
    public ObjectNode definition() {
      return definition.deepCopy();
    }

    @Override
    public String subject() {
      return name;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  // --- experiences ----------------------------------------------------------------------------

  /**
   * {@code tags} null: left out of the request (the live experience has none and the spec none).
   */
  record CreateExperience(String name, String description, ExperienceType type, List<String> tags)
      implements Op {
    public CreateExperience {
      tags = tags == null ? null : List.copyOf(tags);
    }

    @Override
    public String subject() {
      return name;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record UpdateExperience(
      String uid, String name, String description, ExperienceType type, List<String> tags)
      implements Op {
    public UpdateExperience {
      tags = tags == null ? null : List.copyOf(tags);
    }

    @Override
    public String subject() {
      return name;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record PauseVersion(String experience, String experienceUid, String versionUid)
      implements OnExperience {

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record CreateDraftVersion(String experience, String experienceUid) implements OnExperience {

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * PUT the draft version with every desired variant and metric; done once the CMS variant group
   * holds a variant for each of them (the asynchronous sync of a new variant is the step's
   * readiness condition). {@code versionUid}: the live draft to configure, null when this apply
   * creates it. {@code split} is "equal" for an A/B test with an equal split; {@code targeting} the
   * A/B target group.
   */
  @JsonPropertyOrder({
    "experience",
    "type",
    "versionUid",
    "variants",
    "metrics",
    "split",
    "targeting"
  })
  record ConfigureVersion(
      String experience,
      ExperienceType type,
      String versionUid,
      List<VariantConfig> variants,
      List<MetricConfig> metrics,
      String split,
      Targeting targeting)
      implements OnExperience {
    public ConfigureVersion {
      variants = List.copyOf(variants);
      metrics = List.copyOf(metrics);
    }

    @JsonIgnore
    public boolean abTest() {
      return type == ExperienceType.AB_TEST;
    }

    @JsonIgnore
    public boolean equalSplit() {
      return "equal".equals(split);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * A variant as configured: {@code shortUid} kept from the live version (null: the API mints one);
   * a segmented variant has audiences, Lytics audiences and a match, an A/B variant its traffic
   * share (null: an equal share).
   */
  @JsonPropertyOrder({"name", "shortUid", "traffic", "audiences", "lyticsAudiences", "match"})
  record VariantConfig(
      String name,
      String shortUid,
      Integer traffic,
      List<String> audiences,
      List<String> lyticsAudiences,
      Match match) {
    public VariantConfig {
      audiences = audiences == null ? null : List.copyOf(audiences);
      lyticsAudiences = lyticsAudiences == null ? null : List.copyOf(lyticsAudiences);
    }

    public static VariantConfig segmented(
        String name, String shortUid, List<String> audiences, List<String> lytics, Match match) {
      return new VariantConfig(name, shortUid, null, audiences, lytics, match);
    }

    public static VariantConfig abTest(String name, String shortUid, Integer traffic) {
      return new VariantConfig(name, shortUid, traffic, null, null, null);
    }
  }

  /** A metric: the event by key, primary or secondary. */
  record MetricConfig(String event, boolean primary) {}

  /** The A/B target group: who takes part in the test. */
  @JsonPropertyOrder({"match", "audiences"})
  record Targeting(Match match, List<String> audiences) {
    public Targeting {
      audiences = List.copyOf(audiences);
    }
  }

  record LinkContentTypes(String experience, List<String> contentTypes) implements OnExperience {
    public LinkContentTypes {
      contentTypes = List.copyOf(contentTypes);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * Write the spec's fields of one variant on one entry and locale (merged over what the variant
   * holds).
   */
  record UpsertEntryVariant(
      String experience,
      String variant,
      String contentType,
      String entry,
      String locale,
      JsonNode fields)
      implements OnExperience {
    public UpsertEntryVariant {
      fields = fields.deepCopy();
    }

    @Override
    public JsonNode fields() {
      return fields.deepCopy();
    }

    public PublishItem item() {
      return new PublishItem(variant, contentType, entry, locale);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /** One entry variant to publish: a variant (by name) of an entry in a locale. */
  @JsonPropertyOrder({"variant", "contentType", "entry", "locale"})
  record PublishItem(String variant, String contentType, String entry, String locale) {}

  @JsonPropertyOrder({"experience", "method", "items", "environments"})
  record PublishEntryVariants(
      String experience, PublishMethod method, List<PublishItem> items, List<String> environments)
      implements OnExperience {
    public PublishEntryVariants {
      items = List.copyOf(items);
      environments = List.copyOf(environments);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record ActivateVersion(String experience) implements OnExperience {

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * After activation: re-read the CMS variant uids and rewrite this run's content whose variant uid
   * changed.
   */
  record RefreshCms(String experience) implements OnExperience {

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * The experience priority by name, highest first; apply appends every other experience in its
   * live order.
   */
  record SetPriority(List<String> order) implements Op {
    public SetPriority {
      order = List.copyOf(order);
    }

    @Override
    public String subject() {
      return "priority";
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  // --- deletes --------------------------------------------------------------------------------

  record DeleteEntryVariant(
      String experience,
      String variant,
      String variantUid,
      String contentType,
      String entry,
      String locale)
      implements OnExperience {

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record DeleteExperience(String uid, String name) implements Op {

    @Override
    public String subject() {
      return name;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record DeleteAudience(String uid, String name) implements Op {

    @Override
    public String subject() {
      return name;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record DeleteEvent(String uid, String key) implements Op {

    @Override
    public String subject() {
      return key;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record DeleteAttribute(String uid, String key) implements Op {

    @Override
    public String subject() {
      return key;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }
}
