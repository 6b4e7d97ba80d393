package dev.cspctl.visitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.spec.Experience;
import dev.cspctl.spec.Match;
import dev.cspctl.spec.Priority;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every rule of the evaluator that Contentstack does not document (spec-format.md marks them
 * "assumed"), in one place with its reason, so that each can be changed here alone when
 * Contentstack documents otherwise. {@link #ALL} lists them for the README and the reports.
 */
public final class Assumptions {
  private Assumptions() {}

  /** One assumed rule: a short id, what cspctl does, and why. */
  public record Assumption(String id, String rule, String reason) {}

  public static final List<Assumption> ALL =
      List.of(
          new Assumption(
              "empty-groups",
              "an empty 'all' group holds, an empty 'any' group does not",
              "the usual identities of AND and OR; the schema requires at least one rule, so only nested groups can be empty"),
          new Assumption(
              "missing-is-false",
              "a condition on a value the visitor does not have is false (also 'isFalse')",
              "Personalize evaluates rules on the attributes a request sends; an absent attribute cannot equal, contain or"
                  + " compare to anything"),
          new Assumption(
              "negate-missing",
              "negate: true inverts the condition's result, also when the value is missing",
              "invertCondition is documented as inverting the condition, with no exception for absent values"),
          new Assumption(
              "numeric-text",
              "a visitor value given as numeric text (\"8\") counts as a number in numeric comparisons",
              "attributes arrive as text in headers (X-Live-Attributes) and query parameters; no leading or trailing spaces"),
          new Assumption(
              "text-case",
              "equals and contains compare text case-sensitively and exactly (no trimming)",
              "the API names them STRING_EQUALS and CONTAINS_SUBSTRING with no case option"),
          new Assumption(
              "equals-number",
              "equals with a number compares numerically (7 equals 7.0 and \"7\");"
                  + " equals with text compares the visitor value's text",
              "NUMBER_EQUAL_TO vs STRING_EQUALS"),
          new Assumption(
              "booleans",
              "isTrue / isFalse hold only for a boolean visitor value (the text \"true\" is not a boolean)",
              "IS_TRUE / IS_FALSE are boolean conditions; cspctl does not guess a type from text here"),
          new Assumption(
              "time-format",
              "a date-time is ISO-8601; without an offset it is UTC; a date alone is its start (00:00 UTC)",
              "the API's date option types are undocumented (contentstack-api.md §14: SILENT)"),
          new Assumption(
              "time-bounds",
              "before and after are strict; between includes both ends",
              "the usual reading of before/after/between; undocumented"),
          new Assumption(
              "query-string",
              "QUERY_PARAMETERS rules apply to the query string of url without '?'; a url without"
                  + " a query has no value (missing)",
              "the Edge SDK sends the page URL (x-page-url); how the rule reads it is undocumented"),
          new Assumption(
              "priority-unlisted",
              "experiences the Priority document does not list come after the listed ones, in"
                  + " spec order (sorted file path, then document order)",
              "new experiences go to the bottom (documented); the"
                  + " relative order of several unlisted ones is not"));

  /** How the results of a group's rules (or a variant's audiences) combine; see "empty-groups". */
  public static Tri combine(Match match, List<Tri> results) {
    boolean unknown = false;
    for (Tri t : results) {
      if (match == Match.ALL && t == Tri.FALSE) return Tri.FALSE;
      if (match == Match.ANY && t == Tri.TRUE) return Tri.TRUE;
      if (t == Tri.UNKNOWN) unknown = true;
    }
    if (unknown) return Tri.UNKNOWN;
    return match == Match.ALL ? Tri.TRUE : Tri.FALSE;
  }

  /** The result of a group with no rules: "empty-groups". */
  public static Tri empty(Match match) {
    return match == Match.ALL ? Tri.TRUE : Tri.FALSE;
  }

  /** A condition on a missing value: "missing-is-false". */
  public static Tri missing() {
    return Tri.FALSE;
  }

  /** "negate-missing": negation applies to whatever the condition gave, missing value included. */
  public static Tri negate(Tri result, boolean negate) {
    return negate ? result.not() : result;
  }

  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  /** "numeric-text": the number a visitor value stands for, if any. */
  public static Optional<BigDecimal> number(JsonNode v) {
    if (v == null) return Optional.empty();
    if (v.isNumber()) return Optional.of(v.decimalValue());
    if (v.isTextual() && looksNumeric(v.asText()) && NUMBER.matcher(v.asText()).matches())
      return Optional.of(new BigDecimal(v.asText()));
    return Optional.empty();
  }

  /** A cheap pre-check before the pattern: numeric text starts with a sign, a digit or a dot. */
  private static boolean looksNumeric(String s) {
    if (s.isEmpty()) return false;
    char c = s.charAt(0);
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
  }

  /** "text-case": equals on text. */
  public static boolean textEquals(String visitorText, String ruleText) {
    return visitorText.equals(ruleText);
  }

  /** "text-case": contains. */
  public static boolean contains(String visitorText, String ruleText) {
    return visitorText.contains(ruleText);
  }

  /** "booleans": the boolean a visitor value stands for, if any. */
  public static Optional<Boolean> bool(JsonNode v) {
    return v != null && v.isBoolean() ? Optional.of(v.booleanValue()) : Optional.empty();
  }

  /** "time-format": reads a date-time given in a rule or as an attribute value. */
  public static Optional<Instant> time(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      // fall through to the forms without an offset
    }
    try {
      return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** "time-bounds". */
  public static boolean before(Instant t, Instant bound) {
    return t.isBefore(bound);
  }

  /** "time-bounds". */
  public static boolean after(Instant t, Instant bound) {
    return t.isAfter(bound);
  }

  /** "time-bounds". */
  public static boolean between(Instant t, Instant from, Instant to) {
    return !t.isBefore(from) && !t.isAfter(to);
  }

  /** "query-string": the query of a URL, or null when it has none. */
  public static String queryString(String url) {
    if (url == null) return null;
    int q = url.indexOf('?');
    if (q < 0) return null;
    int hash = url.indexOf('#', q);
    String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
    return query.isEmpty() ? null : query;
  }

  /** "priority-unlisted": the order in which experiences are applied, highest first. */
  public static List<Experience> priorityOrder(
      List<Experience> inSpecOrder, Optional<Priority> priority) {
    Set<String> listed = new LinkedHashSet<>(priority.map(Priority::order).orElse(List.of()));
    List<Experience> out = new ArrayList<>();
    for (String name : listed)
      inSpecOrder.stream().filter(e -> e.name().equals(name)).findFirst().ifPresent(out::add);
    for (Experience e : inSpecOrder) if (!listed.contains(e.name())) out.add(e);
    return out;
  }
}
