package dev.cspctl.export;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * File names from resource names: {@code Homepage hero by segment} → {@code
 * homepage-hero-by-segment}.
 */
final class Slugs {
  private final Set<String> used = new HashSet<>();

  /** A slug not handed out before by this instance ({@code -2}, {@code -3}… on collisions). */
  String unique(String name) {
    String base = slug(name);
    String s = base;
    for (int i = 2; !used.add(s); i++) s = base + "-" + i;
    return s;
  }

  static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String s =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 60) s = s.substring(0, 60).replaceAll("-+$", "");
    return s.isEmpty() ? "experience" : s;
  }
}
