package dev.cspctl.spec;

import java.util.HashMap;
import java.util.Map;

/** Where each value and each mapping key of a YAML document sits, by JSON pointer. */
public final class SourceMap {
  private final Map<String, SourcePosition> values = new HashMap<>();
  private final Map<String, SourcePosition> keys = new HashMap<>();

  void putValue(String pointer, SourcePosition position) {
    values.putIfAbsent(pointer, position);
  }

  void putKey(String pointer, SourcePosition position) {
    keys.putIfAbsent(pointer, position);
  }

  /** The value at the pointer, or the closest ancestor that has a position. */
  public SourcePosition value(String pointer) {
    String p = pointer;
    while (true) {
      SourcePosition pos = values.get(p);
      if (pos != null) return pos;
      if (p.isEmpty()) return SourcePosition.START;
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** The key of the mapping entry at the pointer, else the value's position. */
  public SourcePosition key(String pointer) {
    SourcePosition pos = keys.get(pointer);
    return pos != null ? pos : value(pointer);
  }
}
