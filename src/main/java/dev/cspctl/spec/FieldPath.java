package dev.cspctl.spec;

/**
 * Converts JSON pointers to the field paths users read: {@code
 * variants[0].content[1].fields.title}.
 */
public final class FieldPath {
  private FieldPath() {}

  public static String fromPointer(String pointer) {
    if (pointer == null || pointer.isEmpty() || pointer.equals("/")) return "";
    StringBuilder out = new StringBuilder();
    for (String raw : pointer.substring(1).split("/", -1)) {
      String seg = raw.replace("~1", "/").replace("~0", "~");
      if (!seg.isEmpty() && seg.chars().allMatch(Character::isDigit)) {
        out.append('[').append(seg).append(']');
      } else {
        if (out.length() > 0) out.append('.');
        out.append(seg);
      }
    }
    return out.toString();
  }

  public static String child(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
