package dev.cspctl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cspctl.testing.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/spec-format.md stays in step with schemas/: every property is explained, every example is
 * valid.
 */
class SpecFormatDocTest {
  static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir Path tmp;

  /** Every name under any "properties" object of a schema, at any depth ($defs included). */
  static void propertyNames(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      JsonNode props = node.get("properties");
      if (props != null && props.isObject()) props.fieldNames().forEachRemaining(names::add);
      node.elements().forEachRemaining(child -> propertyNames(child, names));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> propertyNames(child, names));
    }
  }

  @Test
  void everySchemaPropertyIsExplainedInTheReference() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/spec-format.md"));
    List<Path> schemas;
    try (Stream<Path> s = Files.list(ROOT.resolve("schemas"))) {
      schemas =
          s.filter(p -> p.getFileName().toString().endsWith(".schema.json"))
              .filter(p -> !p.getFileName().toString().equals("plan.schema.json"))
              .sorted()
              .toList();
    }
    assertThat(schemas).hasSizeGreaterThanOrEqualTo(6);
    List<String> missing = new ArrayList<>();
    for (Path schema : schemas) {
      TreeSet<String> names = new TreeSet<>();
      propertyNames(new ObjectMapper().readTree(schema.toFile()), names);
      assertThat(names).as(schema.toString()).isNotEmpty();
      for (String name : names) {
        // Named as code (`name`) or as a YAML key (name:) somewhere on the page.
        Pattern mention =
            Pattern.compile(
                "`" + Pattern.quote(name) + "`|(^|[\\s{,-])" + Pattern.quote(name) + ":",
                Pattern.MULTILINE);
        if (!mention.matcher(doc).find()) missing.add(schema.getFileName() + ": " + name);
      }
    }
    assertThat(missing).as("schema properties not explained in docs/spec-format.md").isEmpty();
  }

  @Test
  void theReferencesExamplesAreOneValidProject() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/spec-format.md"));
    List<String> yaml = new ArrayList<>();
    var m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
    while (m.find()) yaml.add(m.group(1));
    List<String> documents = yaml.stream().filter(y -> y.startsWith("kind:")).toList();
    List<String> resources =
        documents.stream().filter(y -> !y.startsWith("kind: VisitorTest")).toList();
    List<String> settings = yaml.stream().filter(y -> y.startsWith("project:")).toList();
    assertThat(resources).hasSizeGreaterThanOrEqualTo(7);
    assertThat(settings).hasSize(1);
    Path specs = tmp.resolve("specs");
    Files.createDirectories(specs);
    Files.writeString(specs.resolve("cspctl.yaml"), settings.get(0));
    Files.writeString(specs.resolve("examples.yaml"), String.join("---\n", documents));

    CliHarness.Run r = CliHarness.run("validate", specs.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Valid: " + resources.size() + " resources")
        .contains((documents.size() - resources.size()) + " visitor test");
  }
}
