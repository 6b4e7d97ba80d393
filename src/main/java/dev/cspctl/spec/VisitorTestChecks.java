package dev.cspctl.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of visitor tests against the rest of the specs: unique test names, experiences and
 * variants in {@code expect} and {@code applied} that exist, no named variant expected of an A/B
 * test, visitor attributes that are declared, and an {@code applied} list that fits the variant
 * limit.
 */
final class VisitorTestChecks {
  /** A test with the document it came from, for positions. */
  record Located(VisitorTest test, YamlDocument doc) {}

  private final List<SpecError> errors;

  VisitorTestChecks(List<SpecError> errors) {
    this.errors = errors;
  }

  void check(
      List<Located> tests,
      List<Experience> experiences,
      Set<String> attributeKeys,
      int variantLimit) {
    Map<String, Experience> byName = new HashMap<>();
    experiences.forEach(e -> byName.putIfAbsent(e.name(), e));
    Map<String, Located> names = new HashMap<>();
    for (Located l : tests) {
      VisitorTest t = l.test();
      Located first = names.putIfAbsent(t.name(), l);
      if (first != null) {
        errors.add(
            l.doc()
                .error(
                    "/name",
                    "duplicate VisitorTest '"
                        + t.name()
                        + "' (already declared at "
                        + first.test().origin()
                        + ")"));
      }
      checkExpect(l, byName);
      checkApplied(l, byName, variantLimit);
      for (String key : t.visitor().attributes().keySet()) {
        if (!attributeKeys.contains(key)) {
          errors.add(
              l.doc()
                  .keyError(
                      "/visitor/attributes/" + key,
                      "no Attribute '"
                          + key
                          + "' is declared in the specs or used by an audience's rules"
                          + Suggestions.didYouMean(key, attributeKeys)));
        }
      }
    }
  }

  private void checkExpect(Located l, Map<String, Experience> experiences) {
    for (Map.Entry<String, VisitorTest.Expected> e : l.test().expect().entrySet()) {
      String pointer = FieldPath.child("/expect", e.getKey());
      Experience experience = experiences.get(e.getKey());
      if (experience == null) {
        errors.add(
            l.doc()
                .keyError(
                    pointer,
                    "no Experience named '"
                        + e.getKey()
                        + "' is declared"
                        + Suggestions.didYouMean(e.getKey(), experiences.keySet())));
        continue;
      }
      if (!(e.getValue() instanceof VisitorTest.Expected.Named named)) continue;
      if (experience.type() == ExperienceType.AB_TEST) {
        errors.add(
            l.doc()
                .error(
                    pointer,
                    "'"
                        + experience.name()
                        + "' is an A/B test: which variant a visitor gets is"
                        + " not predictable (sticky per user, unpublished hash); expect 'any' (in the test) or 'none'"));
        continue;
      }
      Set<String> variants = new TreeSet<>();
      experience.variants().forEach(v -> variants.add(v.name()));
      if (!variants.contains(named.variant())) {
        errors.add(
            l.doc()
                .error(
                    pointer,
                    "'"
                        + experience.name()
                        + "' has no variant '"
                        + named.variant()
                        + "'"
                        + Suggestions.didYouMean(named.variant(), variants)
                        + "; expected one of: "
                        + String.join(", ", variants)
                        + ", none, any"));
      }
    }
  }

  private void checkApplied(Located l, Map<String, Experience> experiences, int variantLimit) {
    List<String> applied = l.test().applied();
    if (applied == null) return;
    for (int i = 0; i < applied.size(); i++) {
      if (!experiences.containsKey(applied.get(i))) {
        errors.add(
            l.doc()
                .error(
                    "/applied/" + i,
                    "no Experience named '"
                        + applied.get(i)
                        + "' is declared"
                        + Suggestions.didYouMean(applied.get(i), experiences.keySet())));
      }
    }
    if (applied.size() > variantLimit) {
      errors.add(
          l.doc()
              .error(
                  "/applied",
                  "lists "
                      + applied.size()
                      + " experiences; a delivery request applies at most "
                      + variantLimit
                      + " (delivery.variantLimit in cspctl.yaml)"));
    }
  }
}
