package dev.cspctl.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code kind: VisitorTest} document: a visitor and what each named experience should give them.
 * Not a resource: plan and apply ignore it; {@code cspctl test} evaluates it offline.
 *
 * <pre>
 * kind: VisitorTest
 * name: Gold member on a phone sees the gold hero
 * visitor: {attributes: {loyalty_tier: gold}, device: MOBILE}
 * expect:
 *   Home hero by segment: Gold
 *   Promo card copy test: any
 * applied: [Home hero by segment, Promo card copy test]
 * </pre>
 *
 * @param expect experience name to what it should give, in the order written
 * @param applied the expected applied list in priority order, or null when not given
 */
public record VisitorTest(
    String name,
    Visitor visitor,
    Map<String, Expected> expect,
    List<String> applied,
    Origin origin) {

  public VisitorTest {
    expect = Collections.unmodifiableMap(new LinkedHashMap<>(expect));
    applied = applied == null ? null : List.copyOf(applied);
  }

  public ResourceKey resourceKey() {
    return new ResourceKey(Kind.VISITOR_TEST, name);
  }

  /** What an experience should give the visitor: a named variant, none, or any variant. */
  public sealed interface Expected {
    String NONE_WORD = "none";
    String ANY_WORD = "any";

    /** {@code none} and {@code any} are keywords; every other text names a variant. */
    static Expected parse(String text) {
      return switch (text) {
        case NONE_WORD -> new Nothing();
        case ANY_WORD -> new AnyVariant();
        default -> new Named(text);
      };
    }

    /** Sees no variant of the experience. */
    record Nothing() implements Expected {
      @Override
      public String toString() {
        return NONE_WORD;
      }
    }

    /** Gets a variant, whichever it is (for an A/B test: is in the test). */
    record AnyVariant() implements Expected {
      @Override
      public String toString() {
        return ANY_WORD;
      }
    }

    /** Gets exactly this variant. */
    record Named(String variant) implements Expected {
      @Override
      public String toString() {
        return variant;
      }
    }
  }
}
