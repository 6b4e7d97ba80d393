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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads a spec folder into a validated {@link DesiredState}: {@code cspctl.yaml}, then every {@code
 * *.yaml}/{@code *.yml} below the folder in sorted path order (except hidden files and folders and
 * what {@link IgnoreList .cspctlignore} lists), each document checked against its kind's JSON
 * Schema, then per-document and cross-document rules. Reports every error of the run at once,
 * sorted by file and line.
 */
public final class SpecLoader {
  public static final String PROJECT_FILE = "cspctl.yaml";

  private final YamlFileReader reader = new YamlFileReader();
  private final SchemaChecker schemas = new SchemaChecker(SchemaCatalog.instance());
  private final Map<String, TargetSettings> targets = new TreeMap<>();
  private TargetSettings selected;
  private YamlDocument projectDoc;

  /**
   * Loads the specs in {@code dir}.
   *
   * @throws SpecException with every error found
   */
  public DesiredState load(Path dir) {
    return load(dir, null);
  }

  /**
   * Loads the folder for one of the {@code targets:} of cspctl.yaml: its settings over the
   * top-level ones and its entry uids mapped. Null or {@code default}: the top-level settings.
   *
   * @throws SpecException with every error found (an undeclared target among them)
   */
  public DesiredState load(Path dir, String target) {
    String dirName = display(dir);
    if (!Files.exists(dir)) {
      throw new SpecException(List.of(SpecError.whole(dirName, "spec folder does not exist")));
    }
    if (!Files.isDirectory(dir)) {
      throw new SpecException(
          List.of(
              SpecError.whole(dirName, "not a folder; give the folder that holds cspctl.yaml")));
    }
    List<SpecError> errors = new ArrayList<>();
    List<SpecReference> projectRefs = new ArrayList<>();
    ProjectConfig project = loadProject(dir, errors, target, projectRefs);
    List<Path> files = discover(dir, errors);
    if (files.isEmpty() && errors.isEmpty()) {
      errors.add(
          SpecError.whole(dirName, "holds no spec files (*.yaml, *.yml besides cspctl.yaml)"));
    }
    PublishSettings publish = project != null ? project.publish() : defaultPublish();
    DocumentMapper mapper = new DocumentMapper(publish, errors);
    List<CrossChecks.Located> located = new ArrayList<>();
    java.util.Map<Kind, java.util.Set<String>> invalid = new java.util.HashMap<>();
    VisitorTestMapper testMapper = new VisitorTestMapper(errors);
    List<VisitorTestChecks.Located> tests = new ArrayList<>();
    // files parse independently: on every core at once (in order), then are checked in order
    List<YamlFileReader.Result> parsed =
        files.size() < 8
            ? files.stream().map(f -> reader.read(f, display(dir, f))).toList()
            : files.parallelStream().map(f -> reader.read(f, display(dir, f))).toList();
    for (YamlFileReader.Result result : parsed) {
      errors.addAll(result.errors());
      for (YamlDocument doc : result.documents()) {
        kindOf(doc, errors)
            .ifPresent(
                kind -> {
                  List<SpecError> shapeErrors = schemas.check(doc, kind.schemaFile());
                  if (!shapeErrors.isEmpty()) {
                    errors.addAll(shapeErrors);
                    declaredName(kind, doc)
                        .ifPresent(
                            n ->
                                invalid
                                    .computeIfAbsent(kind, k -> new java.util.HashSet<>())
                                    .add(n));
                    return;
                  }
                  int before = errors.size();
                  if (kind == Kind.VISITOR_TEST) {
                    VisitorTest test = testMapper.map(doc);
                    if (errors.size() == before)
                      tests.add(new VisitorTestChecks.Located(test, doc));
                    return;
                  }
                  DesiredResource resource = mapper.map(kind, doc);
                  if (errors.size() == before) located.add(new CrossChecks.Located(resource, doc));
                  else
                    declaredName(kind, doc)
                        .ifPresent(
                            n ->
                                invalid
                                    .computeIfAbsent(kind, k -> new java.util.HashSet<>())
                                    .add(n));
                });
      }
    }
    CrossChecks cross = new CrossChecks(errors, invalid);
    cross.check(located);
    List<DesiredResource> resources = located.stream().map(CrossChecks.Located::resource).toList();
    int variantLimit =
        project != null ? project.variantLimit() : ProjectConfig.DEFAULT_VARIANT_LIMIT;
    Set<String> attributeKeys = new TreeSet<>();
    only(resources, Attribute.class).forEach(a -> attributeKeys.add(a.key()));
    // Also those rules use without declaring them (live attributes): a visitor may give a value for
    // them.
    for (Audience a : only(resources, Audience.class)) {
      if (a.rules() instanceof AudienceRules.Language lang)
        attributeKeysOf(lang.rules(), attributeKeys);
    }
    new VisitorTestChecks(errors)
        .check(tests, only(resources, Experience.class), attributeKeys, variantLimit);
    List<Experience> experiences = only(resources, Experience.class);
    if (selected != null) {
      for (String entry : selected.entries().keySet()) {
        if (!EntryUidMapping.uses(experiences, entry)) {
          errors.add(
              projectDoc.keyError(
                  "/targets/" + selected.name() + "/entries/" + entry,
                  "no experience writes content to entry "
                      + entry
                      + "; map only the entry uids the specs use"));
        }
      }
      experiences = EntryUidMapping.apply(experiences, selected.entries());
    }
    if (!errors.isEmpty()) throw new SpecException(errors);
    Map<ResourceKey, YamlDocument> documents = new HashMap<>();
    located.forEach(l -> documents.putIfAbsent(l.resource().resourceKey(), l.doc()));
    tests.forEach(t -> documents.putIfAbsent(t.test().resourceKey(), t.doc()));
    return new DesiredState(
        project,
        only(resources, Attribute.class),
        only(resources, Event.class),
        only(resources, Audience.class),
        experiences,
        only(resources, Priority.class).stream().findFirst(),
        cross.unresolved(),
        files.size() + 1,
        tests.stream().map(VisitorTestChecks.Located::test).toList(),
        new SourceIndex(documents),
        java.util.stream.Stream.concat(projectRefs.stream(), cross.references().stream()).toList());
  }

  private static void attributeKeysOf(List<Rule> rules, Set<String> into) {
    for (Rule r : rules) {
      if (r instanceof Rule.OnAttribute a) into.add(a.attributeKey());
      else if (r instanceof Rule.Group g) attributeKeysOf(g.rules(), into);
    }
  }

  /**
   * Only the {@code cspctl.yaml} of a spec folder, for commands that need the target but not the
   * specs; null when the folder has none.
   *
   * @throws SpecException when the file is there but invalid
   */
  public ProjectConfig loadProjectOnly(Path dir) {
    if (!Files.isRegularFile(dir.resolve(PROJECT_FILE))) return null;
    List<SpecError> errors = new ArrayList<>();
    ProjectConfig project = loadProject(dir, errors, null, new ArrayList<>());
    if (!errors.isEmpty()) throw new SpecException(errors);
    return project;
  }

  /** The names under {@code targets:} of the last folder loaded, sorted. */
  public Set<String> declaredTargets() {
    return Set.copyOf(targets.keySet());
  }

  /** The target the last load selected, if one of {@code targets:} (not the top-level settings). */
  public Optional<TargetSettings> selectedTarget() {
    return Optional.ofNullable(selected);
  }

  private ProjectConfig loadProject(
      Path dir, List<SpecError> errors, String target, List<SpecReference> refs) {
    Path file = dir.resolve(PROJECT_FILE);
    String name = display(dir, file);
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      errors.add(
          SpecError.whole(
              name, "not found: every spec folder needs a cspctl.yaml with the project settings"));
      return null;
    }
    YamlFileReader.Result result = reader.read(file, name);
    errors.addAll(result.errors());
    if (result.documents().isEmpty()) return null;
    YamlDocument doc = result.documents().get(0);
    if (result.documents().size() > 1) {
      errors.add(
          result
              .documents()
              .get(1)
              .error("", "cspctl.yaml holds one document; found " + result.documents().size()));
    }
    if (!doc.root().isObject()) {
      errors.add(
          doc.error(
              "",
              "expected a mapping of project settings, found "
                  + SchemaChecker.describe(doc.root())));
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
    for (int i = 0; i < envs.size(); i++) {
      refs.add(
          SpecReference.at(
              doc, "/publish/environments/" + i, SpecReference.Type.ENVIRONMENT, envs.get(i)));
    }
    for (int i = 0; i < locales.size(); i++) {
      refs.add(
          SpecReference.at(
              doc, "/publish/locales/" + i, SpecReference.Type.LOCALE, locales.get(i)));
    }
    PublishSettings.PublishMethod method =
        p.path("method").asText("bulk").equals("entry")
            ? PublishSettings.PublishMethod.ENTRY
            : PublishSettings.PublishMethod.BULK;
    ProjectConfig top =
        new ProjectConfig(
            optional(n, "project"),
            optional(n, "stack"),
            optional(n, "region"),
            optional(n, "branch"),
            new PublishSettings(envs, locales, method),
            n.path("prune").asBoolean(false),
            optional(n, "owner"),
            new Origin(name, 1),
            n.path("delivery").path("variantLimit").asInt(ProjectConfig.DEFAULT_VARIANT_LIMIT),
            n.path("visitorTests").path("requireCoverage").asBoolean(false));
    projectDoc = doc;
    n.path("targets")
        .fields()
        .forEachRemaining(
            f -> targets.put(f.getKey(), target(f.getKey(), f.getValue(), top.publish(), doc)));
    if (target == null || target.isBlank() || target.equals(TargetSettings.DEFAULT)) return top;
    selected = targets.get(target);
    if (selected == null) {
      String declared =
          targets.isEmpty()
              ? "; cspctl.yaml declares no targets:"
              : Suggestions.didYouMean(target, targets.keySet())
                  + "; declared: "
                  + String.join(", ", targets.keySet())
                  + " (or 'default' for the top-level settings)";
      errors.add(
          SpecError.whole(
              name,
              "target '"
                  + target
                  + "' (--target or CSPCTL_TARGET) is not declared under targets"
                  + declared));
      return top;
    }
    // the target's own publish settings replace the top-level ones, whose positions would mislead
    // identity, not equality: the target declares publish settings of its own
    @SuppressWarnings("ReferenceEquality")
    boolean ownPublish = selected.publish() != top.publish();
    if (ownPublish) {
      refs.clear();
      String base = "/targets/" + target + "/publish/";
      List<String> tEnvs = selected.publish().environments();
      List<String> tLocales = selected.publish().locales();
      for (int i = 0; i < tEnvs.size(); i++) {
        String at =
            doc.root().at(base + "environments/" + i).isMissingNode()
                ? "/publish/environments/" + i
                : base + "environments/" + i;
        refs.add(SpecReference.at(doc, at, SpecReference.Type.ENVIRONMENT, tEnvs.get(i)));
      }
      for (int i = 0; i < tLocales.size(); i++) {
        String at =
            doc.root().at(base + "locales/" + i).isMissingNode()
                ? "/publish/locales/" + i
                : base + "locales/" + i;
        refs.add(SpecReference.at(doc, at, SpecReference.Type.LOCALE, tLocales.get(i)));
      }
    }
    return selected.over(top);
  }

  private static TargetSettings target(
      String name, JsonNode t, PublishSettings top, YamlDocument doc) {
    JsonNode p = t.path("publish");
    PublishSettings publish = top;
    if (p.isObject()) {
      List<String> envs = new ArrayList<>();
      p.path("environments").forEach(e -> envs.add(e.asText()));
      List<String> locales = new ArrayList<>();
      p.path("locales").forEach(e -> locales.add(e.asText()));
      publish =
          new PublishSettings(
              p.has("environments") ? envs : top.environments(),
              p.has("locales") ? locales : top.locales(),
              !p.has("method")
                  ? top.method()
                  : p.get("method").asText().equals("entry")
                      ? PublishSettings.PublishMethod.ENTRY
                      : PublishSettings.PublishMethod.BULK);
    }
    Map<String, String> entries = new TreeMap<>();
    t.path("entries")
        .fields()
        .forEachRemaining(e -> entries.put(e.getKey(), e.getValue().asText()));
    return new TargetSettings(
        name,
        optional(t, "project"),
        optional(t, "stack"),
        optional(t, "region"),
        optional(t, "branch"),
        publish,
        optional(t, "owner"),
        entries,
        new Origin(doc.file(), doc.sourceMap().key("/targets/" + name).line()));
  }

  private static PublishSettings defaultPublish() {
    return new PublishSettings(List.of(), List.of(), PublishSettings.PublishMethod.BULK);
  }

  private static String optional(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  /** The name (or key) a document declares, even when the document is otherwise invalid. */
  private static Optional<String> declaredName(Kind kind, YamlDocument doc) {
    JsonNode n = doc.root().get(kind == Kind.ATTRIBUTE || kind == Kind.EVENT ? "key" : "name");
    return n != null && n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
  }

  private Optional<Kind> kindOf(YamlDocument doc, List<SpecError> errors) {
    JsonNode root = doc.root();
    if (!root.isObject()) {
      errors.add(
          doc.error("", "expected a mapping with a 'kind', found " + SchemaChecker.describe(root)));
      return Optional.empty();
    }
    JsonNode kind = root.get("kind");
    if (kind == null) {
      errors.add(
          doc.error(
              "",
              "missing required field 'kind'; expected one of: "
                  + String.join(", ", Kind.yamlNames())
                  + " (if the file is not a cspctl spec, list it in "
                  + IgnoreList.FILE
                  + ")"));
      return Optional.empty();
    }
    Optional<Kind> found = kind.isTextual() ? Kind.fromYamlName(kind.asText()) : Optional.empty();
    if (found.isEmpty()) {
      String text = kind.isTextual() ? "'" + kind.asText() + "'" : SchemaChecker.describe(kind);
      String hint = kind.isTextual() ? Suggestions.didYouMean(kind.asText(), Kind.yamlNames()) : "";
      errors.add(
          doc.error(
              "/kind",
              "unknown kind "
                  + text
                  + hint
                  + "; expected one of: "
                  + String.join(", ", Kind.yamlNames())));
    }
    return found;
  }

  private static List<Path> discover(Path dir, List<SpecError> errors) {
    Path project = dir.resolve(PROJECT_FILE).normalize();
    IgnoreList ignore = IgnoreList.of(dir, errors, display(dir, dir.resolve(IgnoreList.FILE)));
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !isHidden(dir, p))
          .filter(p -> p.equals(dir) || !ignore.ignores(dir.relativize(p)))
          .filter(
              p -> {
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
