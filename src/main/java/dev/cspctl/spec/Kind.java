package dev.cspctl.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of resource document a spec folder may hold. */
public enum Kind {
  ATTRIBUTE("Attribute", "attribute.schema.json"),
  EVENT("Event", "event.schema.json"),
  AUDIENCE("Audience", "audience.schema.json"),
  EXPERIENCE("Experience", "experience.schema.json"),
  PRIORITY("Priority", "priority.schema.json"),
  /** Not a resource: who should see what (cspctl test); plan and apply ignore it. */
  VISITOR_TEST("VisitorTest", "visitor-test.schema.json");

  private final String yamlName;
  private final String schemaFile;

  Kind(String yamlName, String schemaFile) {
    this.yamlName = yamlName;
    this.schemaFile = schemaFile;
  }

  public String yamlName() {
    return yamlName;
  }

  public String schemaFile() {
    return schemaFile;
  }

  public static Optional<Kind> fromYamlName(String name) {
    return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
  }

  public static List<String> yamlNames() {
    return Arrays.stream(values()).map(Kind::yamlName).toList();
  }
}
