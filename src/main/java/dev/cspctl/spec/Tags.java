package dev.cspctl.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Experience tags as the service keeps them (contentstack-api.md §14): at most 10, each at most 32
 * characters of {@code a-z A-Z 0-9 - _ :}, stored lowercase and de-duplicated.
 */
public final class Tags {
  public static final int MAX_TAGS = 10;
  public static final int MAX_LENGTH = 32;
  private static final Pattern ALLOWED = Pattern.compile("[a-zA-Z0-9_:-]+");

  private Tags() {}

  /** Case-folded and de-duplicated, first occurrence order kept. */
  public static List<String> normalize(List<String> tags) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String t : tags) out.add(t.toLowerCase(Locale.ROOT));
    return new ArrayList<>(out);
  }

  /** Why one tag is refused, if it is. */
  public static Optional<String> problem(String tag) {
    if (tag.isEmpty()) return Optional.of("a tag cannot be empty");
    if (tag.length() > MAX_LENGTH) {
      return Optional.of(
          "tag '" + tag + "' has " + tag.length() + " characters; at most " + MAX_LENGTH);
    }
    if (!ALLOWED.matcher(tag).matches()) {
      return Optional.of("tag '" + tag + "' may only hold a-z A-Z 0-9 - _ :");
    }
    return Optional.empty();
  }
}
