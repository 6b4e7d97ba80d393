package dev.cspctl.spec;

/**
 * A custom attribute.
 *
 * <pre>
 * kind: Attribute
 * key: plan_tier
 * name: Plan tier
 * description: Subscription tier of the signed-in customer
 * </pre>
 */
public record Attribute(String key, String name, String description, Origin origin)
    implements DesiredResource {
  @Override
  public ResourceKey resourceKey() {
    return new ResourceKey(Kind.ATTRIBUTE, key);
  }
}
