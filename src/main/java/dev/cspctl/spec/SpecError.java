package dev.cspctl.spec;

import java.util.Comparator;

/**
 * One problem in a spec file, at a position a person can jump to.
 *
 * @param file the file as the user named it (relative to the working directory when possible)
 * @param line 1-based line
 * @param column 1-based column
 * @param field the field path, e.g. {@code variants[0].audiences[1]}; empty for the whole file
 * @param message what was found and what was expected
 */
public record SpecError(String file, int line, int column, String field, String message) {

  public static final Comparator<SpecError> ORDER =
      Comparator.comparing(SpecError::file)
          .thenComparingInt(SpecError::line)
          .thenComparingInt(SpecError::column)
          .thenComparing(SpecError::field)
          .thenComparing(SpecError::message);

  public static SpecError at(String file, SourcePosition pos, String field, String message) {
    return new SpecError(file, pos.line(), pos.column(), field, message);
  }

  /** An error about a whole file or folder, with no position in it. */
  public static SpecError whole(String file, String message) {
    return new SpecError(file, 0, 0, "", message);
  }

  /** {@code file:line:col: field: message}, the form editors and CI logs link. */
  public String format() {
    String where = line == 0 ? file + ": " : file + ":" + line + ":" + column + ": ";
    return field.isEmpty() ? where + message : where + field + ": " + message;
  }
}
