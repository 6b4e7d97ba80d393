package dev.cspctl.spec;

import java.util.List;

/** The experience order, highest first, by name. At most one per spec folder. */
public record Priority(List<String> order, Origin origin) implements DesiredResource {
  public Priority {
    order = List.copyOf(order);
  }

  @Override
  public ResourceKey resourceKey() {
    return new ResourceKey(Kind.PRIORITY, ResourceKey.PRIORITY_NAME);
  }
}
