package dev.cspctl.spec;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where each resource and visitor test was declared, down to its fields: lets checks that run after
 * loading (validate's lints) name {@code file:line:col} and the field path.
 */
public final class SourceIndex {
  private final Map<ResourceKey, YamlDocument> documents;

  SourceIndex(Map<ResourceKey, YamlDocument> documents) {
    this.documents = new TreeMap<>(documents);
  }

  public static SourceIndex empty() {
    return new SourceIndex(Map.of());
  }

  /**
   * An error or warning at a field of a resource ({@code pointer} is a JSON pointer, "" for the
   * document).
   */
  public SpecError at(ResourceKey key, String pointer, String message) {
    YamlDocument doc = documents.get(key);
    if (doc == null) return SpecError.whole(key.toString(), message);
    return doc.error(pointer, message);
  }
}
