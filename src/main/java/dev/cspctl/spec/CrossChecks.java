package dev.cspctl.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rules that span documents: unique keys and names, renames, references between resources, and the
 * single Priority document. References to resources the specs do not declare are not errors offline
 * (they may be live); they are collected for plan to resolve.
 */
final class CrossChecks {
  /** A resource with the document it came from, for positions. */
  record Located(DesiredResource resource, YamlDocument doc) {}

  private final List<SpecError> errors;
  private final List<DesiredState.UnresolvedReference> unresolved = new ArrayList<>();
  private final List<SpecReference> references = new ArrayList<>();
  private final Map<Kind, Set<String>> invalid;

  CrossChecks(List<SpecError> errors) {
    this(errors, Map.of());
  }

  /**
   * @param invalid names declared by documents that have errors of their own: references to them
   *     are not reported again (the document's real error already is)
   */
  CrossChecks(List<SpecError> errors, Map<Kind, Set<String>> invalid) {
    this.errors = errors;
    this.invalid = invalid;
  }

  List<DesiredState.UnresolvedReference> unresolved() {
    return unresolved;
  }

  List<SpecReference> references() {
    return references;
  }

  void check(List<Located> all) {
    Map<Kind, Map<String, Located>> byKind = new HashMap<>();
    Located priority = null;
    for (Located l : all) {
      DesiredResource r = l.resource();
      if (r instanceof Priority) {
        if (priority != null) {
          errors.add(
              l.doc()
                  .error(
                      "/kind",
                      "a second Priority document; at most one is allowed (the first is at "
                          + priority.resource().origin()
                          + ")"));
        } else {
          priority = l;
        }
        continue;
      }
      Map<String, Located> names =
          byKind.computeIfAbsent(r.resourceKey().kind(), k -> new LinkedHashMap<>());
      Located first = names.putIfAbsent(r.resourceKey().name(), l);
      if (first != null) {
        String field = r instanceof Attribute || r instanceof Event ? "/key" : "/name";
        errors.add(
            l.doc()
                .error(
                    field,
                    "duplicate "
                        + r.resourceKey().kind().yamlName()
                        + " '"
                        + r.resourceKey().name()
                        + "' (already declared at "
                        + first.resource().origin()
                        + ")"));
      }
    }
    checkRenames(byKind.getOrDefault(Kind.AUDIENCE, Map.of()));
    checkRenames(byKind.getOrDefault(Kind.EXPERIENCE, Map.of()));
    Set<String> attributes = names(byKind, Kind.ATTRIBUTE);
    Set<String> events = names(byKind, Kind.EVENT);
    Set<String> audiences = names(byKind, Kind.AUDIENCE);
    Set<String> experiences = names(byKind, Kind.EXPERIENCE);
    for (Located l : all) {
      if (l.resource() instanceof Audience a && a.rules() instanceof AudienceRules.Language lang) {
        checkRuleRefs(l, "/rules", lang.rules(), attributes);
      }
      if (l.resource() instanceof Experience e) {
        checkExperienceRefs(l, e, audiences, events);
        stackRefs(l, e);
      }
    }
    if (priority != null) {
      List<String> order = ((Priority) priority.resource()).order();
      for (int i = 0; i < order.size(); i++) {
        if (!experiences.contains(order.get(i))) {
          errors.add(
              priority
                  .doc()
                  .error(
                      "/order/" + i,
                      "no Experience named '"
                          + order.get(i)
                          + "' is declared"
                          + Suggestions.didYouMean(order.get(i), experiences)));
        }
      }
    }
  }

  private void checkRenames(Map<String, Located> byName) {
    Map<String, Located> renamedFrom = new HashMap<>();
    for (Located l : byName.values()) {
      String from =
          l.resource() instanceof Audience a
              ? a.renamedFrom()
              : ((Experience) l.resource()).renamedFrom();
      if (from == null) continue;
      if (from.equals(l.resource().resourceKey().name())) {
        errors.add(
            l.doc()
                .error(
                    "/renamedFrom",
                    "'"
                        + from
                        + "' is the current name; remove 'renamedFrom' or set the old name"));
      } else if (byName.containsKey(from)) {
        errors.add(
            l.doc()
                .error(
                    "/renamedFrom",
                    "'"
                        + from
                        + "' is still declared (at "
                        + byName.get(from).resource().origin()
                        + "); a renamed resource's old name cannot also be declared"));
      }
      Located other = renamedFrom.putIfAbsent(from, l);
      if (other != null) {
        errors.add(
            l.doc()
                .error(
                    "/renamedFrom",
                    "'" + from + "' is already renamed by " + other.resource().resourceKey()));
      }
    }
  }

  private void checkRuleRefs(Located l, String pointer, List<Rule> rules, Set<String> attributes) {
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      String p = pointer + "/" + i;
      if (r instanceof Rule.OnAttribute a && !attributes.contains(a.attributeKey())) {
        reference(l, p + "/attribute", Kind.ATTRIBUTE, a.attributeKey(), attributes);
      } else if (r instanceof Rule.Group g) {
        checkRuleRefs(l, p + "/" + g.match().yamlName(), g.rules(), attributes);
      }
    }
  }

  private void checkExperienceRefs(
      Located l, Experience e, Set<String> audiences, Set<String> events) {
    for (int v = 0; v < e.variants().size(); v++) {
      List<String> names = e.variants().get(v).audiences();
      for (int a = 0; a < names.size(); a++) {
        String name = names.get(a);
        if (!audiences.contains(name) && !name.matches("[0-9a-f]{32}")) {
          reference(l, "/variants/" + v + "/audiences/" + a, Kind.AUDIENCE, name, audiences);
        }
      }
    }
    for (int a = 0; a < e.audiences().size(); a++) {
      String name = e.audiences().get(a);
      if (!audiences.contains(name) && !name.matches("[0-9a-f]{32}")) {
        reference(l, "/audiences/" + a, Kind.AUDIENCE, name, audiences);
      }
    }
    for (int m = 0; m < e.metrics().size(); m++) {
      String event = e.metrics().get(m).event();
      if (!events.contains(event))
        reference(l, "/metrics/" + m + "/event", Kind.EVENT, event, events);
    }
  }

  private void reference(Located l, String pointer, Kind kind, String name, Set<String> declared) {
    var closest = Suggestions.closest(name, declared);
    SourcePosition pos = l.doc().sourceMap().value(pointer);
    if (closest.isPresent()) {
      // A near miss of a declared name is almost always a typo, not a live resource.
      errors.add(
          l.doc()
              .error(
                  pointer,
                  "no "
                      + kind.yamlName()
                      + " '"
                      + name
                      + "' is declared (did you mean '"
                      + closest.get()
                      + "'?)"));
    } else {
      unresolved.add(
          new DesiredState.UnresolvedReference(kind, name, new Origin(l.doc().file(), pos.line())));
      SpecReference.Type type =
          switch (kind) {
            case ATTRIBUTE -> SpecReference.Type.ATTRIBUTE;
            case EVENT -> SpecReference.Type.EVENT;
            default -> SpecReference.Type.AUDIENCE;
          };
      references.add(SpecReference.at(l.doc(), pointer, type, name));
    }
  }

  /**
   * Content types, entries (with their locales) and Lytics audiences an experience names, for plan
   * to check.
   */
  private void stackRefs(Located l, Experience e) {
    YamlDocument doc = l.doc();
    for (int c = 0; c < e.contentTypes().size(); c++) {
      references.add(
          SpecReference.at(
              doc, "/contentTypes/" + c, SpecReference.Type.CONTENT_TYPE, e.contentTypes().get(c)));
    }
    for (int v = 0; v < e.variants().size(); v++) {
      Variant variant = e.variants().get(v);
      for (int i = 0; i < variant.lyticsAudiences().size(); i++) {
        references.add(
            SpecReference.at(
                doc,
                "/variants/" + v + "/lyticsAudiences/" + i,
                SpecReference.Type.LYTICS_AUDIENCE,
                variant.lyticsAudiences().get(i)));
      }
      for (int i = 0; i < variant.content().size(); i++) {
        EntryContent content = variant.content().get(i);
        String p = "/variants/" + v + "/content/" + i;
        references.add(
            new SpecReference(
                SpecReference.Type.ENTRY,
                content.entry(),
                content.contentType(),
                content.locale(),
                doc.error(p + "/entry", "")));
        String localePointer = doc.root().at(p + "/locale").isMissingNode() ? p : p + "/locale";
        references.add(
            SpecReference.at(doc, localePointer, SpecReference.Type.LOCALE, content.locale()));
      }
    }
  }

  private Set<String> names(Map<Kind, Map<String, Located>> byKind, Kind kind) {
    Set<String> names = new TreeSet<>(byKind.getOrDefault(kind, Map.of()).keySet());
    names.addAll(invalid.getOrDefault(kind, Set.of()));
    return names;
  }
}
