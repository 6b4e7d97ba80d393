package dev.cspctl.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.personalize.AudienceRuleCodec;
import dev.cspctl.state.LiveAudience;
import dev.cspctl.state.UidIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code audiences.yaml}: one document per audience, sorted by name. Rules are written in the rule
 * language whenever it says exactly what the live definition says (custom attributes by key);
 * otherwise as the raw {@code definition}, which keeps attribute uids as the API has them. Lytics
 * audiences are not Audience documents (the API cannot create them): variants reference them in
 * {@code lyticsAudiences}; the file lists them in a comment.
 */
final class AudienceFile {
  private AudienceFile() {}

  /** The file text, or null when nothing is exported; {@code exported} receives the count. */
  static String render(UidIndex lookup, List<String> warnings, List<String> notes, int[] exported) {
    List<LiveAudience> sorted = new ArrayList<>(lookup.live().audiences());
    sorted.sort(
        Comparator.comparing(LiveAudience::name, Comparator.nullsFirst(Comparator.naturalOrder())));
    YamlOut y = Header.start("audience");
    List<LiveAudience> lytics = sorted.stream().filter(LiveAudience::lytics).toList();
    if (!lytics.isEmpty()) {
      StringBuilder c =
          new StringBuilder(
              "Lytics audiences are not exported as Audience documents (the API cannot create them);\n"
                  + "variants reference them by uid in lyticsAudiences:");
      for (LiveAudience a : lytics) c.append("\n  ").append(a.uid()).append("  ").append(a.name());
      y.comment(0, c.toString());
      notes.add(
          lytics.size()
              + " Lytics audience(s) are referenced by uid in variants' lyticsAudiences, not exported as Audience documents");
    }
    Set<String> seen = new HashSet<>();
    int n = 0;
    for (LiveAudience a : sorted) {
      if (a.lytics()) continue;
      if (a.name() == null || a.name().isBlank() || !seen.add(a.name())) {
        warnings.add(
            "audience '"
                + a.name()
                + "' (uid "
                + a.uid()
                + ") not exported: its name is empty or not unique");
        continue;
      }
      if (!AudienceRuleCodec.isRuleCombination(a.definition())) {
        warnings.add(
            "audience '"
                + a.name()
                + "' (uid "
                + a.uid()
                + ") not exported: it has no RuleCombination definition");
        continue;
      }
      if (n++ > 0) y.raw("---");
      y.raw("kind: Audience").field(0, "name", a.name(), "uid " + a.uid());
      KeyedResourceFiles.description(y, a.description());
      rules(y, a, lookup, notes);
    }
    exported[0] = n;
    return n == 0 ? null : y.toString();
  }

  private static void rules(YamlOut y, LiveAudience a, UidIndex lookup, List<String> notes) {
    Set<String> unknown = new HashSet<>();
    ObjectNode keyed =
        AudienceRuleCodec.canonical(
            a.definition(),
            uid ->
                lookup
                    .attributeKey(uid)
                    .orElseGet(
                        () -> {
                          unknown.add(uid);
                          return uid;
                        }));
    Optional<ObjectNode> language =
        unknown.isEmpty() ? AudienceRuleCodec.toLanguage(keyed) : Optional.empty();
    if (language.isPresent()) {
      y.field(0, "match", language.get().get("match"), null);
      y.field(0, "rules", language.get().get("rules"), null);
      return;
    }
    // Raw form: exactly the managed fields of the live definition, attribute refs as uids.
    JsonNode raw = AudienceRuleCodec.canonical(a.definition(), uid -> uid);
    String why =
        !unknown.isEmpty()
            ? "it refers to attribute uid(s) "
                + String.join(", ", new java.util.TreeSet<>(unknown))
                + " that the project does not list"
            : "the rule language cannot express its rules exactly";
    y.comment(
        0, "Raw API definition: " + why + ".\nCustom attribute refs are attribute uids here.");
    y.field(0, "definition", raw, null);
    notes.add("audience '" + a.name() + "' is exported with its raw 'definition': " + why);
  }
}
