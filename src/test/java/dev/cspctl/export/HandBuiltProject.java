package dev.cspctl.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.cma.CmaClient;
import dev.cspctl.api.cma.ContentTypeLink;
import dev.cspctl.api.http.Sleeper;
import dev.cspctl.api.personalize.AttributeInput;
import dev.cspctl.api.personalize.AudienceInput;
import dev.cspctl.api.personalize.CmsSyncWaiter;
import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.api.personalize.ExperienceInput;
import dev.cspctl.api.personalize.MetricType;
import dev.cspctl.api.personalize.PersonalizeClient;
import dev.cspctl.api.personalize.RemoteExperience;
import dev.cspctl.api.personalize.RemoteMetric;
import dev.cspctl.api.personalize.RemoteVariant;
import dev.cspctl.api.personalize.VersionInput;
import dev.cspctl.api.personalize.VersionStatus;
import dev.cspctl.spec.ExperienceType;
import java.time.Duration;
import java.util.List;

/**
 * A project built "by hand" straight through the APIs, as a team adopting cspctl has one: no
 * ownership markers, nested rules, presets, a custom attribute rule, a definition the rule language
 * cannot say, a Lytics audience in a variant, an active segmented experience and a paused A/B test
 * with metrics, a draft, entry content with a nested group and modular blocks, a float field, and a
 * custom priority.
 */
public final class HandBuiltProject {
  static final ObjectMapper M = new ObjectMapper();
  static final String LYTICS = "0123456789abcdef0123456789abcdef";
  static final String HERO = "blt0123456789abcdef";
  static final String BLOCKS = "blt1111111111111111";
  static final String PROMO = "bltaaaaaaaaaaaaaaaa";

  private final PersonalizeClient p;
  private final CmaClient cma;
  private final CmsSyncWaiter waiter;

  public HandBuiltProject(ContentstackClients clients) {
    this.p = clients.personalize();
    this.cma = clients.cma();
    this.waiter =
        new CmsSyncWaiter(
            p, Sleeper.REAL, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(20));
  }

  /** Builds it; returns the number of resources (attributes, events, audiences, experiences). */
  public int build() {
    String tier =
        p.createAttribute(
                new AttributeInput(
                    "Plan tier", "plan_tier", "Subscription tier of the signed-in customer"))
            .uid();
    String visits = p.createAttribute(new AttributeInput("Visits", "visits", "")).uid();
    String cart =
        p.createEvent(new EventInput("add_to_cart", "Shopper added an item to the cart")).uid();
    String signup = p.createEvent(new EventInput("signup", "")).uid();

    String premium =
        p.createAudience(
                new AudienceInput(
                    "Premium shoppers",
                    "Paying premium customers in the US",
                    and(
                        custom(tier, "STRING_EQUALS", text("premium"), false),
                        preset("COUNTRY", "STRING_EQUALS", text("US"), false),
                        or(
                            preset("DEVICE_TYPE", "STRING_EQUALS", text("MOBILE"), false),
                            custom(visits, "NUMBER_GREATER_THAN", number(6), true)))))
            .uid();
    String mobile =
        p.createAudience(
                new AudienceInput(
                    "Mobile visitors",
                    "Anyone on a phone",
                    or(preset("DEVICE_TYPE", "STRING_EQUALS", text("MOBILE"), false))))
            .uid();
    // HAS_ANY_VALUE with options the UI left behind: the rule language cannot say that exactly.
    String campaign =
        p.createAudience(
                new AudienceInput(
                    "Campaign visitors",
                    "Came from a tagged link",
                    and(preset("QUERY_PARAMETERS", "HAS_ANY_VALUE", text(""), false))))
            .uid();

    RemoteExperience hero =
        p.createExperience(
            new ExperienceInput(
                "Homepage hero by segment", "Hero banner per segment", ExperienceType.SEGMENTED));
    List<RemoteVariant> heroVariants =
        List.of(
            RemoteVariant.segmented("Premium", null, List.of(premium), List.of(LYTICS), "OR"),
            RemoteVariant.segmented("Mobile", null, List.of(mobile), List.of(), "OR"));
    hero = configure(hero, heroVariants, List.of(), "hero_banner");
    ObjectNode premiumContent =
        (ObjectNode)
            json(
                "{\"title\":\"Welcome back\",\"cta\":{\"label\":\"Shop premium\",\"url\":\"/deals\"},"
                    + "\"sections\":[{\"hero\":{\"heading\":\"Premium spring\",\"subheading\":\"Up to 30% off\",\"_metadata\":{\"uid\":\"cs1a2b3c4d5e6f7081\"}}},"
                    + "{\"quote\":{\"text\":\"Best prices in town\",\"author\":\"A. Customer\",\"_metadata\":{\"uid\":\"cs9f8e7d6c5b4a3921\"}}}]}");
    cma.upsertEntryVariant(
        "hero_banner", BLOCKS, hero.cms().variants().get("0"), "en-us", premiumContent);
    cma.upsertEntryVariant(
        "hero_banner",
        HERO,
        hero.cms().variants().get("1"),
        "en-us",
        (ObjectNode) json("{\"title\":\"Tap to explore\"}"));
    activate(hero);

    RemoteExperience test =
        p.createExperience(new ExperienceInput("Checkout CTA test", "", ExperienceType.AB_TEST));
    test =
        configure(
            test,
            List.of(
                RemoteVariant.abTest("Control", null, 50), RemoteVariant.abTest("Bold", null, 50)),
            List.of(
                new RemoteMetric(MetricType.PRIMARY, cart, "Add to cart"),
                new RemoteMetric(MetricType.SECONDARY, signup, "Signup")),
            "promo_card");
    cma.upsertEntryVariant(
        "promo_card",
        PROMO,
        test.cms().variants().get("1"),
        "en-us",
        (ObjectNode)
            json(
                "{\"title\":\"FREE shipping!\",\"discount\":12.5,\"tags_list\":[\"shipping\",\"bold\"]}"));
    activate(test);
    pause(test);

    RemoteExperience draft =
        p.createExperience(
            new ExperienceInput(
                "Campaign landing", "Draft, not launched", ExperienceType.SEGMENTED));
    configure(
        draft,
        List.of(
            RemoteVariant.segmented(
                "Tagged mobile", null, List.of(campaign, mobile), List.of(), "AND")),
        List.of());

    p.setPriority(List.of(test.uid(), draft.uid(), hero.uid()));
    return 2 + 2 + 3 + 3;
  }

  private RemoteExperience configure(
      RemoteExperience e,
      List<RemoteVariant> variants,
      List<RemoteMetric> metrics,
      String... contentTypes) {
    p.updateVersion(
        e.uid(), e.latestVersion(), new VersionInput(VersionStatus.DRAFT, variants, metrics));
    List<String> shortUids =
        java.util.stream.IntStream.range(0, variants.size()).mapToObj(Integer::toString).toList();
    RemoteExperience synced = waiter.await(e.uid(), shortUids, null);
    if (contentTypes.length > 0) {
      cma.linkContentTypes(
          synced.cms().variantGroup(),
          synced.name(),
          java.util.Arrays.stream(contentTypes).map(ContentTypeLink::linked).toList());
    }
    return synced;
  }

  private void activate(RemoteExperience e) {
    var draft =
        p.listVersions(e.uid()).stream()
            .filter(v -> v.status() == VersionStatus.DRAFT)
            .findFirst()
            .orElseThrow();
    p.updateVersion(
        e.uid(),
        draft.uid(),
        new VersionInput(VersionStatus.ACTIVE, draft.variants(), draft.metrics()));
  }

  private void pause(RemoteExperience e) {
    var active =
        p.listVersions(e.uid()).stream()
            .filter(v -> v.status() == VersionStatus.ACTIVE)
            .findFirst()
            .orElseThrow();
    p.updateVersion(
        e.uid(),
        active.uid(),
        new VersionInput(VersionStatus.PAUSED, active.variants(), active.metrics()));
  }

  static JsonNode json(String s) {
    try {
      return M.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static JsonNode text(String s) {
    return M.getNodeFactory().textNode(s);
  }

  static JsonNode number(int n) {
    return M.getNodeFactory().numberNode(n);
  }

  static ObjectNode and(JsonNode... rules) {
    return combination("AND", rules);
  }

  static ObjectNode or(JsonNode... rules) {
    return combination("OR", rules);
  }

  static ObjectNode combination(String type, JsonNode... rules) {
    ObjectNode c =
        M.createObjectNode().put("__type", "RuleCombination").put("combinationType", type);
    var a = c.putArray("rules");
    for (JsonNode r : rules) a.add(r);
    return c;
  }

  static ObjectNode custom(String uid, String condition, JsonNode value, boolean invert) {
    return rule("CustomAttributeReference", uid, condition, value, invert);
  }

  static ObjectNode preset(String ref, String condition, JsonNode value, boolean invert) {
    return rule("PresetAttributeReference", ref, condition, value, invert);
  }

  static ObjectNode rule(
      String refType, String ref, String condition, JsonNode value, boolean invert) {
    ObjectNode r = M.createObjectNode().put("__type", "Rule");
    r.putObject("attribute").put("__type", refType).put("ref", ref);
    r.put("attributeMatchCondition", condition);
    ObjectNode o = r.putObject("attributeMatchOptions");
    o.put("__type", value.isNumber() ? "NumberMatchOptions" : "StringMatchOptions");
    o.set("value", value);
    r.put("invertCondition", invert);
    return r;
  }
}
