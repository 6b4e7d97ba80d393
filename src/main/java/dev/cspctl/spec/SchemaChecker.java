package dev.cspctl.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Checks one document against its JSON Schema and words each failure for a person. */
final class SchemaChecker {
  private final SchemaCatalog catalog;

  SchemaChecker(SchemaCatalog catalog) {
    this.catalog = catalog;
  }

  List<SpecError> check(YamlDocument doc, String schemaFile) {
    return check(doc, catalog.get(schemaFile));
  }

  List<SpecError> check(YamlDocument doc, SchemaCatalog.Loaded loaded) {
    Set<ValidationMessage> messages = loaded.schema().validate(doc.root());
    List<SpecError> errors = new ArrayList<>();
    List<ValidationMessage> sorted = new ArrayList<>(messages);
    sorted.sort(Comparator.comparing(m -> m.getInstanceLocation().toString()));
    Set<String> reported = new TreeSet<>();
    for (ValidationMessage m : sorted) {
      SpecError e = translate(doc, loaded.raw(), m);
      if (reported.add(e.format())) errors.add(e);
    }
    return errors;
  }

  private SpecError translate(YamlDocument doc, JsonNode rawSchema, ValidationMessage m) {
    String pointer = pointer(m);
    String type = m.getType();
    JsonNode instance = m.getInstanceNode();
    switch (type) {
      case "required" -> {
        String child = FieldPath.child(pointer, m.getProperty());
        return SpecError.at(
            doc.file(),
            doc.sourceMap().value(pointer),
            FieldPath.fromPointer(child),
            "missing required field '" + m.getProperty() + "'");
      }
      case "additionalProperties" -> {
        String name = m.getProperty();
        String child = FieldPath.child(pointer, name);
        Set<String> allowed = allowedProperties(rawSchema, m);
        String hint =
            Suggestions.closest(name, allowed)
                .map(s -> " (did you mean '" + s + "'?)")
                .orElse(
                    allowed.isEmpty() ? "" : "; expected one of: " + String.join(", ", allowed));
        return doc.keyError(child, "unknown field '" + name + "'" + hint);
      }
      case "enum" -> {
        List<String> options = new ArrayList<>();
        m.getSchemaNode().forEach(n -> options.add(n.asText()));
        String found = render(instance);
        String hint =
            instance != null && instance.isTextual()
                ? Suggestions.didYouMean(instance.asText(), options)
                : "";
        return doc.error(
            pointer, "found " + found + hint + "; expected one of: " + String.join(", ", options));
      }
      case "const" -> {
        return doc.error(
            pointer, "found " + render(instance) + "; expected " + render(m.getSchemaNode()));
      }
      case "type" -> {
        return doc.error(
            pointer,
            "found " + describe(instance) + "; expected " + expectedType(m.getSchemaNode()));
      }
      case "minItems" -> {
        return doc.error(
            pointer,
            "holds " + size(instance) + " items; expected at least " + m.getSchemaNode().asInt());
      }
      case "maxItems" -> {
        return doc.error(
            pointer,
            "holds " + size(instance) + " items; expected at most " + m.getSchemaNode().asInt());
      }
      case "minLength" -> {
        return doc.error(
            pointer,
            "found "
                + render(instance)
                + "; expected at least "
                + m.getSchemaNode().asInt()
                + " characters");
      }
      case "maxLength" -> {
        return doc.error(
            pointer,
            "is "
                + instance.asText().length()
                + " characters long; expected at most "
                + m.getSchemaNode().asInt());
      }
      case "minimum" -> {
        return doc.error(
            pointer,
            "found " + render(instance) + "; expected at least " + m.getSchemaNode().asText());
      }
      case "maximum" -> {
        return doc.error(
            pointer,
            "found " + render(instance) + "; expected at most " + m.getSchemaNode().asText());
      }
      case "uniqueItems" -> {
        return doc.error(pointer, "holds the same item twice; expected each item once");
      }
      case "pattern" -> {
        return doc.error(
            pointer,
            "found " + render(instance) + "; expected text matching " + m.getSchemaNode().asText());
      }
      default -> {
        return doc.error(
            pointer, stripLocation(m.getMessage()) + " (found " + render(instance) + ")");
      }
    }
  }

  private static int size(JsonNode n) {
    return n == null ? 0 : n.size();
  }

  private static String pointer(ValidationMessage m) {
    String p = m.getInstanceLocation().toString();
    return p.equals("/") ? "" : p;
  }

  /** The property names the schema allows where an unknown one was found. */
  private static Set<String> allowedProperties(JsonNode rawSchema, ValidationMessage m) {
    Set<String> names = new TreeSet<>();
    String fragment = m.getSchemaLocation().getFragment().toString();
    if (fragment.endsWith("/additionalProperties")) {
      String parent = fragment.substring(0, fragment.length() - "/additionalProperties".length());
      JsonNode schemaAt =
          parent.isEmpty()
              ? rawSchema
              : rawSchema.at(parent.startsWith("/") ? parent : "/" + parent);
      schemaAt.path("properties").fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  private static String expectedType(JsonNode typeNode) {
    if (typeNode == null) return "another type";
    if (typeNode.isArray()) {
      List<String> types = new ArrayList<>();
      typeNode.forEach(t -> types.add(article(t.asText())));
      return String.join(" or ", types);
    }
    return article(typeNode.asText());
  }

  private static String article(String type) {
    return switch (type) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "string" -> "a string";
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      case "null" -> "nothing";
      default -> type;
    };
  }

  static String describe(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return "nothing (null)";
    if (node.isObject()) return "a mapping";
    if (node.isArray()) return "a list";
    if (node.isTextual()) return "the string " + render(node);
    if (node.isBoolean()) return "the boolean " + node.asText();
    if (node.isIntegralNumber()) return "the integer " + node.asText();
    if (node.isNumber()) return "the number " + node.asText();
    return node.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  static String render(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return "nothing";
    if (node.isObject()) return "a mapping";
    if (node.isArray()) return "a list of " + node.size();
    String text = node.isTextual() ? "'" + node.asText() + "'" : node.asText();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  private static String stripLocation(String message) {
    int colon = message.indexOf(": ");
    return colon >= 0 && (message.startsWith("/") || message.startsWith("$"))
        ? message.substring(colon + 2)
        : message;
  }
}
