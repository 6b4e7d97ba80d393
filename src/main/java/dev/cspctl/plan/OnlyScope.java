package dev.cspctl.plan;

import dev.cspctl.spec.Audience;
import dev.cspctl.spec.AudienceRules;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.Kind;
import dev.cspctl.spec.Metric;
import dev.cspctl.spec.ResourceKey;
import dev.cspctl.spec.Rule;
import dev.cspctl.spec.Variant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code --only}: the named resources plus everything they depend on. */
final class OnlyScope {
  private OnlyScope() {}

  static Set<ResourceKey> expand(DesiredState desired, Set<ResourceKey> only) {
    Set<ResourceKey> out = new TreeSet<>(only);
    for (Experience e : desired.experiences()) {
      if (!only.contains(e.resourceKey())) continue;
      for (Variant v : e.variants())
        for (String a : v.audiences()) out.add(new ResourceKey(Kind.AUDIENCE, a));
      for (String a : e.audiences()) out.add(new ResourceKey(Kind.AUDIENCE, a));
      for (Metric m : e.metrics()) out.add(new ResourceKey(Kind.EVENT, m.event()));
    }
    for (Audience a : desired.audiences()) {
      if (!out.contains(a.resourceKey())) continue;
      if (a.rules() instanceof AudienceRules.Language lang) {
        Set<String> keys = new HashSet<>();
        attributes(lang.rules(), keys);
        keys.forEach(k -> out.add(new ResourceKey(Kind.ATTRIBUTE, k)));
      }
    }
    return out;
  }

  private static void attributes(List<Rule> rules, Set<String> keys) {
    for (Rule r : rules) {
      if (r instanceof Rule.OnAttribute a) keys.add(a.attributeKey());
      if (r instanceof Rule.Group g) attributes(g.rules(), keys);
    }
  }
}
