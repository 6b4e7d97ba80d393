package dev.cspctl.plan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One managed field that differs: its path, the live value and the desired value (null = absent).
 */
public record FieldDiff(String path, JsonNode before, JsonNode after) {
  @Override
  public String toString() {
    return path + ": " + render(before) + " -> " + render(after);
  }

  static String render(JsonNode n) {
    return n == null || n.isMissingNode() ? "(absent)" : n.toString();
  }
}
