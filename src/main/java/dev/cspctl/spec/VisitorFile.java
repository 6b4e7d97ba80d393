package dev.cspctl.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A visitor on its own, as {@code cspctl test --visitor} takes it: a YAML file, or YAML text
 * ({@code '{device: MOBILE, attributes: {visits: 9}}'}), with the fields of a visitor test's {@code
 * visitor:} and the same checks.
 */
public final class VisitorFile {
  private static final String SCHEMA = Kind.VISITOR_TEST.schemaFile();

  private VisitorFile() {}

  /**
   * Reads a visitor file.
   *
   * @throws SpecException naming file:line:col and the field of every problem
   */
  public static Visitor read(Path file) {
    return map(new YamlFileReader().read(file, file.toString()));
  }

  /**
   * Parses a visitor from YAML text.
   *
   * @throws SpecException naming the position in the text
   */
  public static Visitor parse(String yaml, String displayName) {
    return map(new YamlFileReader().readText(yaml, displayName));
  }

  private static Visitor map(YamlFileReader.Result result) {
    List<SpecError> errors = new ArrayList<>(result.errors());
    if (!errors.isEmpty()) throw new SpecException(errors);
    YamlDocument doc = result.documents().get(0);
    if (result.documents().size() > 1) {
      errors.add(
          result
              .documents()
              .get(1)
              .error("", "a visitor is one document; found " + result.documents().size()));
    }
    if (!doc.root().isObject()) {
      errors.add(
          doc.error(
              "",
              "expected a mapping of visitor values (attributes, country, device, ...), found "
                  + SchemaChecker.describe(doc.root())));
      throw new SpecException(errors);
    }
    errors.addAll(
        new SchemaChecker(SchemaCatalog.instance())
            .check(doc, SchemaCatalog.instance().definition(SCHEMA, "visitor")));
    if (!errors.isEmpty()) throw new SpecException(errors);
    Visitor visitor = new VisitorTestMapper(errors).visitor(doc, "", doc.root());
    if (!errors.isEmpty()) throw new SpecException(errors);
    return visitor;
  }
}
