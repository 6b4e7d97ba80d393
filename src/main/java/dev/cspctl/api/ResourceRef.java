package dev.cspctl.api;

import java.util.Objects;

/** The spec-level resource a request acts on, used to name it in error messages. */
public record ResourceRef(String kind, String name) {
  public ResourceRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  public static ResourceRef of(String kind, String name) {
    return new ResourceRef(kind, name);
  }

  @Override
  public String toString() {
    return kind + " \"" + name + "\"";
  }
}
