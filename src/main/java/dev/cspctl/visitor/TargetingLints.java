package dev.cspctl.visitor;

import dev.cspctl.spec.Audience;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.ExperienceStatus;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Match;
import dev.cspctl.spec.SpecError;
import dev.cspctl.spec.Variant;
import dev.cspctl.spec.VisitorTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Warnings {@code validate} gives about targeting (errors under {@code --strict}), each at the
 * field it is about: a segmented variant that can never win, an active experience no visitor test
 * covers (opt-in), and more active experiences on one content type than a delivery request applies.
 */
public final class TargetingLints {
  private TargetingLints() {}

  public static List<SpecError> check(DesiredState specs) {
    List<SpecError> out = new ArrayList<>();
    Map<String, Object> atomOfAudience = new HashMap<>();
    for (Audience a : specs.audiences()) atomOfAudience.put(a.name(), a.rules());
    for (Experience e : specs.experiences()) {
      if (e.type() == ExperienceType.SEGMENTED) shadowed(specs, e, atomOfAudience, out);
    }
    coverage(specs, out);
    variantLimit(specs, out);
    return out;
  }

  /**
   * A variant's targeting as a set of atoms; two audiences with the same rules are the same atom.
   */
  private record Targeting(Set<Object> atoms, Match match) {
    static Targeting of(Variant v, Map<String, Object> atomOfAudience) {
      Set<Object> atoms = new LinkedHashSet<>();
      for (String a : v.audiences()) atoms.add(atomOfAudience.getOrDefault(a, "audience:" + a));
      for (String l : v.lyticsAudiences()) atoms.add("lytics:" + l);
      // With one atom, any and all mean the same.
      return new Targeting(atoms, atoms.size() == 1 ? Match.ANY : v.match());
    }

    /**
     * Whether everyone this targeting matches is also matched by {@code earlier} (a sufficient
     * check, not a complete one).
     */
    String coveredBy(Targeting earlier) {
      if (atoms.equals(earlier.atoms) && match == earlier.match) return "the same targeting";
      if (earlier.match == Match.ANY && match == Match.ANY && earlier.atoms.containsAll(atoms)) {
        return "all of its audiences, under match: any";
      }
      if (earlier.match == Match.ANY
          && match == Match.ALL
          && atoms.stream().anyMatch(earlier.atoms::contains)) {
        return "one of the audiences it requires (match: all), under match: any";
      }
      if (earlier.match == Match.ALL && match == Match.ALL && atoms.containsAll(earlier.atoms)) {
        return "a subset of the audiences it requires, under match: all";
      }
      return null;
    }
  }

  private static void shadowed(
      DesiredState specs, Experience e, Map<String, Object> atomOfAudience, List<SpecError> out) {
    List<Targeting> targetings =
        e.variants().stream().map(v -> Targeting.of(v, atomOfAudience)).toList();
    for (int j = 1; j < targetings.size(); j++) {
      for (int i = 0; i < j; i++) {
        String why = targetings.get(j).coveredBy(targetings.get(i));
        if (why == null) continue;
        out.add(
            specs
                .sources()
                .at(
                    e.resourceKey(),
                    "/variants/" + j,
                    "variant '"
                        + e.variants().get(j).name()
                        + "' can never win: variant '"
                        + e.variants().get(i).name()
                        + "' comes first and matches everyone it matches ("
                        + why
                        + "); the first matching variant wins"));
        break;
      }
    }
  }

  private static void coverage(DesiredState specs, List<SpecError> out) {
    if (specs.project() == null
        || !specs.project().requireTestCoverage()
        || specs.visitorTests().isEmpty()) return;
    Set<String> covered = new HashSet<>();
    for (VisitorTest t : specs.visitorTests()) covered.addAll(t.expect().keySet());
    for (Experience e : specs.experiences()) {
      if (e.status() == ExperienceStatus.ACTIVE && !covered.contains(e.name())) {
        out.add(
            specs
                .sources()
                .at(
                    e.resourceKey(),
                    "/name",
                    "active experience '"
                        + e.name()
                        + "' has no visitor test: no VisitorTest names it in 'expect' (visitorTests.requireCoverage in cspctl.yaml)"));
      }
    }
  }

  private static void variantLimit(DesiredState specs, List<SpecError> out) {
    int limit =
        specs.project() != null
            ? specs.project().variantLimit()
            : dev.cspctl.spec.ProjectConfig.DEFAULT_VARIANT_LIMIT;
    Map<String, List<Experience>> byContentType = new LinkedHashMap<>();
    for (Experience e : Assumptions.priorityOrder(specs.experiences(), specs.priority())) {
      if (e.status() != ExperienceStatus.ACTIVE) continue;
      for (String ct : e.contentTypes())
        byContentType.computeIfAbsent(ct, k -> new ArrayList<>()).add(e);
    }
    for (Map.Entry<String, List<Experience>> entry : byContentType.entrySet()) {
      List<Experience> list = entry.getValue();
      if (list.size() <= limit) continue;
      Experience first = list.get(limit);
      String losers =
          list.subList(limit, list.size()).stream()
              .map(x -> "'" + x.name() + "'")
              .collect(Collectors.joining(", "));
      out.add(
          specs
              .sources()
              .at(
                  first.resourceKey(),
                  "/contentTypes/" + first.contentTypes().indexOf(entry.getKey()),
                  "content type '"
                      + entry.getKey()
                      + "' is linked to "
                      + list.size()
                      + " active experiences, more than the "
                      + limit
                      + " variants a delivery request applies (delivery.variantLimit): a visitor who qualifies for the"
                      + " higher ones loses "
                      + losers
                      + " (lowest in priority)"));
    }
  }
}
