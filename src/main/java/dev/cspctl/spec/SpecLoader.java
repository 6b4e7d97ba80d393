package dev.cspctl.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads a spec folder into a validated {@link DesiredState}: {@code cspctl.yaml}, then every
 * {@code *.yaml}/{@code *.yml} below the folder in sorted path order, each document checked
 * against its kind's JSON Schema, then per-document and cross-document rules. Reports every
 * error of the run at once, sorted by file and line.
 */
public final class SpecLoader {
  public static final String PROJECT_FILE = "cspctl.yaml";

  private final YamlFileReader reader = new YamlFileReader();
  private final SchemaChecker schemas = new SchemaChecker(SchemaCatalog.instance());

  /** @throws SpecException with every error found */
  public DesiredState load(Path dir) {
    String dirName = display(dir);
    if (!Files.exists(dir)) {
      throw new SpecException(List.of(SpecError.whole(dirName, "spec folder does not exist")));
    }
    if (!Files.isDirectory(dir)) {
      throw new SpecException(List.of(SpecError.whole(dirName, "not a folder; give the folder that holds cspctl.yaml")));
    }
    List<SpecError> errors = new ArrayList<>();
    ProjectConfig project = loadProject(dir, errors);
    List<Path> files = discover(dir, errors);
    if (files.isEmpty() && errors.isEmpty()) {
      errors.add(SpecError.whole(dirName, "holds no spec files (*.yaml, *.yml besides cspctl.yaml)"));
    }
    PublishSettings publish = project != null ? project.publish() : defaultPublish();
    DocumentMapper mapper = new DocumentMapper(publish, errors);
    List<CrossChecks.Located> located = new ArrayList<>();
    VisitorTestMapper testMapper = new VisitorTestMapper(errors);
    List<VisitorTestChecks.Located> tests = new ArrayList<>();
    for (Path file : files) {
      YamlFileReader.Result result = reader.read(file, display(dir, file));
      errors.addAll(result.errors());
      for (YamlDocument doc : result.documents()) {
        kindOf(doc, errors).ifPresent(kind -> {
          List<SpecError> shapeErrors = schemas.check(doc, kind.schemaFile());
          if (!shapeErrors.isEmpty()) {
            errors.addAll(shapeErrors);
            return;
          }
          int before = errors.size();
          if (kind == Kind.VISITOR_TEST) {
            VisitorTest test = testMapper.map(doc);
            if (errors.size() == before) tests.add(new VisitorTestChecks.Located(test, doc));
            return;
          }
          DesiredResource resource = mapper.map(kind, doc);
          if (errors.size() == before) located.add(new CrossChecks.Located(resource, doc));
        });
      }
    }
    CrossChecks cross = new CrossChecks(errors);
    cross.check(located);
    List<DesiredResource> resources = located.stream().map(CrossChecks.Located::resource).toList();
    int variantLimit = project != null ? project.variantLimit() : ProjectConfig.DEFAULT_VARIANT_LIMIT;
    Set<String> attributeKeys = new TreeSet<>();
    only(resources, Attribute.class).forEach(a -> attributeKeys.add(a.key()));
    // Also those rules use without declaring them (live attributes): a visitor may give a value for them.
    for (Audience a : only(resources, Audience.class)) {
      if (a.rules() instanceof AudienceRules.Language lang) attributeKeysOf(lang.rules(), attributeKeys);
    }
    new VisitorTestChecks(errors).check(tests, only(resources, Experience.class), attributeKeys, variantLimit);
    if (!errors.isEmpty()) throw new SpecException(errors);
    Map<ResourceKey, YamlDocument> documents = new HashMap<>();
    located.forEach(l -> documents.putIfAbsent(l.resource().resourceKey(), l.doc()));
    tests.forEach(t -> documents.putIfAbsent(t.test().resourceKey(), t.doc()));
    return new DesiredState(
        project,
        only(resources, Attribute.class),
        only(resources, Event.class),
        only(resources, Audience.class),
        only(resources, Experience.class),
        only(resources, Priority.class).stream().findFirst(),
        cross.unresolved(),
        files.size() + 1,
        tests.stream().map(VisitorTestChecks.Located::test).toList(),
        new SourceIndex(documents));
  }

  private static void attributeKeysOf(List<Rule> rules, Set<String> into) {
    for (Rule r : rules) {
      if (r instanceof Rule.OnAttribute a) into.add(a.attributeKey());
      else if (r instanceof Rule.Group g) attributeKeysOf(g.rules(), into);
    }
  }

  private ProjectConfig loadProject(Path dir, List<SpecError> errors) {
    Path file = dir.resolve(PROJECT_FILE);
    String name = display(dir, file);
    if (!Files.isRegularFile(file)) {
      errors.add(SpecError.whole(name, "not found: every spec folder needs a cspctl.yaml with the project settings"));
      return null;
    }
    YamlFileReader.Result result = reader.read(file, name);
    errors.addAll(result.errors());
    if (result.documents().isEmpty()) return null;
    YamlDocument doc = result.documents().get(0);
    if (result.documents().size() > 1) {
      errors.add(result.documents().get(1).error("", "cspctl.yaml holds one document; found " + result.documents().size()));
    }
    if (!doc.root().isObject()) {
      errors.add(doc.error("", "expected a mapping of project settings, found " + SchemaChecker.describe(doc.root())));
      return null;
    }
    List<SpecError> shape = schemas.check(doc, SchemaCatalog.PROJECT_SCHEMA);
    errors.addAll(shape);
    if (!shape.isEmpty()) return null;
    JsonNode n = doc.root();
    JsonNode p = n.path("publish");
    List<String> envs = new ArrayList<>();
    p.path("environments").forEach(e -> envs.add(e.asText()));
    List<String> locales = new ArrayList<>();
    p.path("locales").forEach(e -> locales.add(e.asText()));
    PublishSettings.PublishMethod method =
        p.path("method").asText("bulk").equals("entry") ? PublishSettings.PublishMethod.ENTRY : PublishSettings.PublishMethod.BULK;
    return new ProjectConfig(
        optional(n, "project"), optional(n, "stack"), optional(n, "region"), optional(n, "branch"),
        new PublishSettings(envs, locales, method), n.path("prune").asBoolean(false), new Origin(name, 1),
        n.path("delivery").path("variantLimit").asInt(ProjectConfig.DEFAULT_VARIANT_LIMIT),
        n.path("visitorTests").path("requireCoverage").asBoolean(false));
  }

  private static PublishSettings defaultPublish() {
    return new PublishSettings(List.of(), List.of(), PublishSettings.PublishMethod.BULK);
  }

  private static String optional(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  private Optional<Kind> kindOf(YamlDocument doc, List<SpecError> errors) {
    JsonNode root = doc.root();
    if (!root.isObject()) {
      errors.add(doc.error("", "expected a mapping with a 'kind', found " + SchemaChecker.describe(root)));
      return Optional.empty();
    }
    JsonNode kind = root.get("kind");
    if (kind == null) {
      errors.add(doc.error("", "missing required field 'kind'; expected one of: " + String.join(", ", Kind.yamlNames())));
      return Optional.empty();
    }
    Optional<Kind> found = kind.isTextual() ? Kind.fromYamlName(kind.asText()) : Optional.empty();
    if (found.isEmpty()) {
      String text = kind.isTextual() ? "'" + kind.asText() + "'" : SchemaChecker.describe(kind);
      String hint = kind.isTextual() ? Suggestions.didYouMean(kind.asText(), Kind.yamlNames()) : "";
      errors.add(doc.error("/kind", "unknown kind " + text + hint + "; expected one of: " + String.join(", ", Kind.yamlNames())));
    }
    return found;
  }

  private static List<Path> discover(Path dir, List<SpecError> errors) {
    Path project = dir.resolve(PROJECT_FILE).normalize();
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk
          .filter(p -> !isHidden(dir, p))
          .filter(p -> {
            String n = p.getFileName().toString();
            return n.endsWith(".yaml") || n.endsWith(".yml");
          })
          .filter(p -> !p.normalize().equals(project))
          .filter(p -> !Files.isDirectory(p))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      errors.add(SpecError.whole(display(dir), "cannot list spec files: " + cause.getMessage()));
      return List.of();
    }
  }

  /** Files and folders whose name starts with a dot (.git, .cspctl) are not specs. */
  private static boolean isHidden(Path dir, Path p) {
    Path rel = dir.relativize(p);
    for (Path part : rel) {
      if (part.toString().startsWith(".")) return true;
    }
    return false;
  }

  private static String display(Path dir) {
    return dir.toString().isEmpty() ? "." : dir.toString();
  }

  private static <T> List<T> only(List<DesiredResource> all, Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static String display(Path dir, Path file) {
    return dir.resolve(dir.relativize(file)).normalize().toString();
  }
}
