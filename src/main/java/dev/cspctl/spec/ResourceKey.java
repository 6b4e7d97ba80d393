package dev.cspctl.spec;

/**
 * The natural key of a resource: Attribute and Event by key, Audience and Experience by name,
 * Priority as a singleton. Desired and live resources are joined on it, never on uids.
 */
public record ResourceKey(Kind kind, String name) implements Comparable<ResourceKey> {

  public static final String PRIORITY_NAME = "priority";

  @Override
  public int compareTo(ResourceKey other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return kind.yamlName() + "/" + name;
  }
}
