package dev.cspctl.spec;

import com.fasterxml.jackson.databind.JsonNode;

/** One YAML document of a spec file, as JSON plus the positions of its nodes. */
public record YamlDocument(String file, int index, JsonNode root, SourceMap sourceMap) {

  public SourcePosition start() {
    return sourceMap.value("");
  }

  public SpecError error(String pointer, String message) {
    return SpecError.at(file, sourceMap.value(pointer), FieldPath.fromPointer(pointer), message);
  }

  public SpecError keyError(String pointer, String message) {
    return SpecError.at(file, sourceMap.key(pointer), FieldPath.fromPointer(pointer), message);
  }
}
