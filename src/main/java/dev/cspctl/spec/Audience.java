package dev.cspctl.spec;

/**
 * A rule-based audience, by name.
 *
 * <pre>
 * kind: Audience
 * name: Premium shoppers
 * match: all
 * rules:
 *   - attribute: plan_tier
 *     condition: equals
 *     value: premium
 * </pre>
 */
public record Audience(
    String name, String renamedFrom, String description, AudienceRules rules, Origin origin)
    implements DesiredResource {
  @Override
  public ResourceKey resourceKey() {
    return new ResourceKey(Kind.AUDIENCE, name);
  }
}
