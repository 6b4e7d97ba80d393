package dev.cspctl.spec;

/**
 * Something a spec names that must exist in the specs or in the live project/stack, with the place
 * it is named: an undeclared attribute, audience or event, and every content type, entry, locale,
 * publishing environment and Lytics audience. Only {@code plan} can check them.
 *
 * @param value the name, key or uid as written
 * @param contentType for an {@link Type#ENTRY}: its content type
 * @param locale for an {@link Type#ENTRY}: the locale its content is for
 * @param where the position (file, line, column, field) with an empty message
 */
public record SpecReference(
    Type type, String value, String contentType, String locale, SpecError where) {
  /** What is referred to. */
  public enum Type {
    ATTRIBUTE("attribute"),
    AUDIENCE("audience"),
    EVENT("event"),
    CONTENT_TYPE("content type"),
    ENTRY("entry"),
    LOCALE("locale"),
    ENVIRONMENT("publishing environment"),
    LYTICS_AUDIENCE("Lytics audience");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The error at this reference's position. */
  public SpecError error(String message) {
    return new SpecError(where.file(), where.line(), where.column(), where.field(), message);
  }

  static SpecReference at(YamlDocument doc, String pointer, Type type, String value) {
    return new SpecReference(type, value, null, null, doc.error(pointer, ""));
  }
}
