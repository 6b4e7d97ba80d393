package dev.cspctl.spec;

/** An event, by key; experiences use events as metrics. */
public record Event(String key, String description, Origin origin) implements DesiredResource {
  @Override
  public ResourceKey resourceKey() {
    return new ResourceKey(Kind.EVENT, key);
  }
}
