package dev.cspctl.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a schema-valid document into its record, checking the rules a schema cannot express within
 * one document (rule shapes, values per condition, A/B traffic, metrics, content types).
 */
final class DocumentMapper {
  static final int MAX_RULES = 50;
  private static final String LYTICS_ID = "[0-9a-f]{32}";

  private final PublishSettings publish;
  private final List<SpecError> errors;

  DocumentMapper(PublishSettings publish, List<SpecError> errors) {
    this.publish = publish;
    this.errors = errors;
  }

  DesiredResource map(Kind kind, YamlDocument doc) {
    JsonNode n = doc.root();
    Origin origin = new Origin(doc.file(), doc.start().line());
    return switch (kind) {
      case ATTRIBUTE ->
          new Attribute(text(n, "key"), text(n, "name"), text(n, "description"), origin);
      case EVENT -> new Event(text(n, "key"), text(n, "description"), origin);
      case AUDIENCE -> audience(doc, origin);
      case EXPERIENCE -> experience(doc, origin);
      case PRIORITY -> priority(doc, origin);
      case VISITOR_TEST ->
          throw new IllegalArgumentException("visitor tests are mapped by VisitorTestMapper");
    };
  }

  private Audience audience(YamlDocument doc, Origin origin) {
    JsonNode n = doc.root();
    AudienceRules rules;
    if (n.has("definition")) {
      if (n.has("rules") || n.has("match")) {
        String field = n.has("rules") ? "rules" : "match";
        errors.add(
            doc.keyError(
                "/" + field,
                "not allowed together with 'definition'; use either the rule language or the raw definition"));
      }
      rules = new AudienceRules.Raw(n.get("definition"));
    } else {
      if (!n.has("rules")) {
        errors.add(doc.error("", "missing required field 'rules' (or 'definition')"));
      }
      List<Rule> list = rules(doc, "/rules", n.path("rules"));
      AudienceRules.Language language =
          new AudienceRules.Language(Match.fromYaml(n.path("match").asText("all")), list);
      if (language.size() > MAX_RULES) {
        errors.add(
            doc.error(
                "/rules",
                "holds "
                    + language.size()
                    + " rules counting nested ones; an audience may have at most "
                    + MAX_RULES));
      }
      rules = language;
    }
    return new Audience(
        text(n, "name"), nullableText(n, "renamedFrom"), text(n, "description"), rules, origin);
  }

  private List<Rule> rules(YamlDocument doc, String pointer, JsonNode array) {
    List<Rule> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Rule r = rule(doc, pointer + "/" + i, array.get(i));
      if (r != null) out.add(r);
    }
    return out;
  }

  private Rule rule(YamlDocument doc, String p, JsonNode r) {
    List<String> subjects = new ArrayList<>();
    for (String s : List.of("attribute", "preset", "any", "all")) if (r.has(s)) subjects.add(s);
    if (subjects.size() > 1) {
      errors.add(
          doc.keyError(
              p + "/" + subjects.get(1),
              "a rule has one of attribute, preset, any or all; found both '"
                  + subjects.get(0)
                  + "' and '"
                  + subjects.get(1)
                  + "'"));
      return null;
    }
    if (r.has("any") || r.has("all")) {
      String groupKey = r.has("any") ? "any" : "all";
      for (String extra : List.of("condition", "value", "negate")) {
        if (r.has(extra))
          errors.add(
              doc.keyError(p + "/" + extra, "not allowed on a nested '" + groupKey + "' group"));
      }
      return new Rule.Group(
          Match.fromYaml(groupKey), rules(doc, p + "/" + groupKey, r.get(groupKey)));
    }
    if (!r.has("condition")) {
      errors.add(doc.error(p, "missing required field 'condition'"));
      return null;
    }
    Condition condition = Condition.fromYaml(r.get("condition").asText()).orElseThrow();
    JsonNode value = r.get("value");
    boolean negate = r.path("negate").asBoolean(false);
    boolean ok = true;
    if (condition.subject() == Condition.Subject.LYTICS && !subjects.isEmpty()) {
      errors.add(
          doc.keyError(
              p + "/" + subjects.get(0),
              "condition '"
                  + condition.yamlName()
                  + "' refers to Lytics and takes no attribute or preset"));
      ok = false;
    }
    if (condition.subject() == Condition.Subject.ATTRIBUTE && subjects.isEmpty()) {
      errors.add(
          doc.error(
              p, "condition '" + condition.yamlName() + "' needs an 'attribute' or a 'preset'"));
      ok = false;
    }
    if (!condition.valueShape().accepts(value)) {
      String found = value == null ? "no value" : SchemaChecker.describe(value);
      String where = value == null ? p : p + "/value";
      errors.add(
          doc.error(
              where,
              "condition '"
                  + condition.yamlName()
                  + "' takes "
                  + condition.valueShape().description()
                  + "; found "
                  + found));
      ok = false;
    }
    if (!ok) return null;
    if (r.has("attribute"))
      return new Rule.OnAttribute(r.get("attribute").asText(), condition, value, negate);
    if (r.has("preset"))
      return new Rule.OnPreset(r.get("preset").asText(), condition, value, negate);
    return new Rule.OnLytics(condition, value, negate);
  }

  private Experience experience(YamlDocument doc, Origin origin) {
    JsonNode n = doc.root();
    ExperienceType type = ExperienceType.fromYaml(n.path("type").asText());
    List<String> contentTypes = strings(n.path("contentTypes"));
    Set<String> ctSet = new HashSet<>(contentTypes);
    List<Variant> variants = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    JsonNode vs = n.path("variants");
    int trafficSum = 0;
    int withoutTraffic = 0;
    for (int i = 0; i < vs.size(); i++) {
      String p = "/variants/" + i;
      JsonNode v = vs.get(i);
      String name = v.path("name").asText();
      Integer previous = names.put(name, i);
      if (previous != null) {
        errors.add(
            doc.error(
                p + "/name",
                "duplicate variant name '" + name + "' (also variants[" + previous + "])"));
      }
      List<String> audiences = strings(v.path("audiences"));
      List<String> lytics = strings(v.path("lyticsAudiences"));
      for (int a = 0; a < audiences.size(); a++) {
        if (audiences.get(a).matches(LYTICS_ID)) {
          errors.add(
              doc.error(
                  p + "/audiences/" + a,
                  "'"
                      + audiences.get(a)
                      + "' is a Lytics audience uid (32 hex), which the API rejects in 'audiences' (\"not a valid ObjectId\"); move it to 'lyticsAudiences'"));
        }
      }
      Integer traffic = v.has("traffic") ? v.get("traffic").asInt() : null;
      if (type == ExperienceType.SEGMENTED) {
        if (traffic != null)
          errors.add(
              doc.keyError(
                  p + "/traffic",
                  "'traffic' is for A/B tests (type: abTest); a segmented variant targets audiences"));
        if (audiences.isEmpty() && lytics.isEmpty()) {
          errors.add(
              doc.error(
                  p,
                  "a segmented variant needs at least one entry in 'audiences' or 'lyticsAudiences'"));
        }
      } else {
        for (String f : List.of("audiences", "lyticsAudiences", "match")) {
          if (v.has(f))
            errors.add(
                doc.keyError(
                    p + "/" + f,
                    "'"
                        + f
                        + "' is for segmented experiences; an A/B variant has 'traffic' instead"));
        }
        if (traffic == null) {
          withoutTraffic++;
        } else {
          trafficSum += traffic;
        }
      }
      List<EntryContent> content = content(doc, p, v.path("content"), ctSet);
      variants.add(
          new Variant(
              name,
              nullableText(v, "renamedFrom"),
              audiences,
              lytics,
              Match.fromYaml(v.path("match").asText("any")),
              traffic,
              content));
    }
    if (type == ExperienceType.AB_TEST) {
      if (vs.size() < 2)
        errors.add(
            doc.error("/variants", "an A/B test needs at least two variants; found " + vs.size()));
      if (withoutTraffic > 0 && withoutTraffic < vs.size()) {
        errors.add(
            doc.error(
                "/variants",
                "either every A/B variant gives 'traffic' (a custom split) or none does (an equal"
                    + " split); "
                    + withoutTraffic
                    + " of "
                    + vs.size()
                    + " variants have no 'traffic'"));
      } else if (withoutTraffic == 0 && trafficSum != 100) {
        errors.add(
            doc.error(
                "/variants",
                "A/B traffic must sum to 100; the variants' traffic sums to " + trafficSum));
      }
    }
    List<String> tags = tags(doc, n.path("tags"));
    List<String> targetAudiences = strings(n.path("audiences"));
    if (type == ExperienceType.SEGMENTED) {
      for (String f : List.of("audiences", "match")) {
        if (n.has(f))
          errors.add(
              doc.keyError(
                  "/" + f,
                  "'"
                      + f
                      + "' at the experience level is the target group of an A/B test;"
                      + " a segmented experience targets audiences on its variants"));
      }
    }
    for (int a = 0; a < targetAudiences.size(); a++) {
      if (targetAudiences.get(a).matches(LYTICS_ID)) {
        errors.add(
            doc.error(
                "/audiences/" + a,
                "'"
                    + targetAudiences.get(a)
                    + "' is a Lytics audience uid (32 hex); the A/B target group takes audience names"));
      }
    }
    List<Metric> metrics = new ArrayList<>();
    JsonNode ms = n.path("metrics");
    int primaries = 0;
    for (int i = 0; i < ms.size(); i++) {
      boolean primary = ms.get(i).path("primary").asBoolean(false);
      if (primary) primaries++;
      metrics.add(new Metric(ms.get(i).path("event").asText(), primary));
    }
    if (ms.size() > 0 && primaries != 1) {
      errors.add(
          doc.error("/metrics", "exactly one metric must be 'primary: true'; found " + primaries));
    }
    return new Experience(
        text(n, "name"),
        nullableText(n, "renamedFrom"),
        text(n, "description"),
        type,
        ExperienceStatus.fromYaml(n.path("status").asText("draft")),
        contentTypes,
        variants,
        metrics,
        tags,
        targetAudiences,
        Match.fromYaml(n.path("match").asText("any")),
        origin);
  }

  /** Tags as the service stores them; each refused tag is one error at its position. */
  private List<String> tags(YamlDocument doc, JsonNode ts) {
    List<String> raw = new ArrayList<>();
    for (int i = 0; i < ts.size(); i++) {
      String t = ts.get(i).asText();
      var problem = Tags.problem(t);
      if (problem.isPresent()) errors.add(doc.error("/tags/" + i, problem.get()));
      raw.add(t);
    }
    List<String> tags = Tags.normalize(raw);
    if (tags.size() > Tags.MAX_TAGS) {
      errors.add(
          doc.error(
              "/tags",
              "at most "
                  + Tags.MAX_TAGS
                  + " tags per experience; found "
                  + tags.size()
                  + " (after case-folding and removing duplicates)"));
    }
    return tags;
  }

  private List<EntryContent> content(
      YamlDocument doc, String variantPointer, JsonNode cs, Set<String> contentTypes) {
    List<EntryContent> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int c = 0; c < cs.size(); c++) {
      String p = variantPointer + "/content/" + c;
      JsonNode e = cs.get(c);
      String ct = e.path("contentType").asText();
      if (!contentTypes.contains(ct)) {
        errors.add(
            doc.error(
                p + "/contentType",
                "content type '"
                    + ct
                    + "' is not listed in the experience's 'contentTypes'"
                    + Suggestions.didYouMean(ct, contentTypes)));
      }
      String locale = e.has("locale") ? e.get("locale").asText() : publish.defaultLocale();
      String key = ct + "/" + e.path("entry").asText() + "/" + locale;
      Integer previous = seen.put(key, c);
      if (previous != null) {
        errors.add(
            doc.error(
                p,
                "duplicate content for entry "
                    + e.path("entry").asText()
                    + " ("
                    + ct
                    + ", "
                    + locale
                    + "), also in content["
                    + previous
                    + "]"));
      }
      out.add(
          new EntryContent(
              ct,
              e.path("entry").asText(),
              locale,
              e.get("fields"),
              new Origin(doc.file(), doc.sourceMap().value(p).line())));
    }
    return out;
  }

  private Priority priority(YamlDocument doc, Origin origin) {
    return new Priority(strings(doc.root().path("order")), origin);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static String text(JsonNode n, String field) {
    return n.path(field).asText("");
  }

  private static String nullableText(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }
}
