package dev.cspctl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * What GitLab does to a CI file before it runs anything, for the parts cspctl's templates use: the
 * {@code spec: inputs} header (declared names, types, options, defaults; an undeclared or missing
 * input fails, as it does in GitLab), {@code $[[ inputs.NAME ]]} interpolation (arrays as YAML
 * sequences), {@code include: local} with {@code inputs}, and the merge of included files under the
 * including one.
 */
final class GitLabCiComposer {
  static final Pattern INPUT_REF =
      Pattern.compile("\\$\\[\\[\\s*inputs\\.([A-Za-z0-9_-]+)\\s*\\]\\]");

  private final Path root;

  GitLabCiComposer(Path root) {
    this.root = root;
  }

  /** A template split into its header (null when it has none) and its body text. */
  record Template(Map<String, Object> spec, String body) {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> inputs() {
      if (spec == null || spec.get("inputs") == null) return Map.of();
      Map<String, Map<String, Object>> out = new LinkedHashMap<>();
      ((Map<String, Object>) spec.get("inputs"))
          .forEach((k, v) -> out.put(k, v == null ? Map.of() : (Map<String, Object>) v));
      return out;
    }
  }

  @SuppressWarnings("unchecked")
  Template template(String file) throws IOException {
    String text = Files.readString(root.resolve(file));
    Matcher sep = Pattern.compile("(?m)^---\\s*$").matcher(text);
    if (sep.find()) {
      Object head = new Yaml().load(text.substring(0, sep.start()));
      if (head instanceof Map<?, ?> m && m.containsKey("spec")) {
        return new Template((Map<String, Object>) m.get("spec"), text.substring(sep.end()));
      }
    }
    return new Template(null, text);
  }

  Map<String, Object> compose(String file) throws IOException {
    return compose(file, Map.of());
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> compose(String file, Map<String, Object> given) throws IOException {
    Template t = template(file);
    Map<String, Object> values = values(file, t, given);
    Matcher m = INPUT_REF.matcher(t.body());
    StringBuilder body = new StringBuilder();
    while (m.find()) {
      if (!values.containsKey(m.group(1)))
        throw new IllegalStateException(file + ": unknown input " + m.group(1));
      m.appendReplacement(body, Matcher.quoteReplacement(render(values.get(m.group(1)))));
    }
    m.appendTail(body);
    Map<String, Object> own = new Yaml().load(body.toString());
    Map<String, Object> merged = new LinkedHashMap<>();
    Object include = own.remove("include");
    if (include != null) {
      for (Object inc : include instanceof List<?> l ? l : List.of(include)) {
        Map<String, Object> i = (Map<String, Object>) inc;
        String local = String.valueOf(i.get("local")).replaceFirst("^/", "");
        Map<String, Object> inputs =
            i.get("inputs") == null ? Map.of() : (Map<String, Object>) i.get("inputs");
        deepMerge(merged, compose(local, inputs));
      }
    }
    deepMerge(merged, own);
    return merged;
  }

  /** Checks the given inputs against the header, as GitLab does when it includes the file. */
  private static Map<String, Object> values(String file, Template t, Map<String, Object> given) {
    Map<String, Map<String, Object>> declared = t.inputs();
    for (String name : given.keySet()) {
      if (!declared.containsKey(name))
        throw new IllegalStateException(file + ": unknown input '" + name + "'");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    declared.forEach(
        (name, decl) -> {
          Object v = given.containsKey(name) ? given.get(name) : decl.get("default");
          if (v == null && !decl.containsKey("default"))
            throw new IllegalStateException(file + ": input '" + name + "' is required");
          String type = String.valueOf(decl.getOrDefault("type", "string"));
          boolean ok =
              switch (type) {
                case "boolean" -> v instanceof Boolean;
                case "array" -> v instanceof List<?>;
                case "number" -> v instanceof Number;
                default -> v instanceof String;
              };
          if (!ok)
            throw new IllegalStateException(
                file + ": input '" + name + "' must be a " + type + ", got " + v);
          if (decl.get("options") instanceof List<?> options && !options.contains(v)) {
            throw new IllegalStateException(
                file + ": input '" + name + "' must be one of " + options + ", got " + v);
          }
          values.put(name, v);
        });
    return values;
  }

  private static String render(Object v) {
    if (v instanceof List<?> l) {
      List<String> items = new ArrayList<>();
      for (Object o : l) items.add("\"" + o + "\"");
      return "[" + String.join(", ", items) + "]";
    }
    return String.valueOf(v);
  }

  @SuppressWarnings("unchecked")
  static void deepMerge(Map<String, Object> into, Map<String, Object> from) {
    from.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> fm && into.get(k) instanceof Map<?, ?> im) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) im);
            deepMerge(copy, (Map<String, Object>) fm);
            into.put(k, copy);
          } else {
            into.put(k, v);
          }
        });
  }

  /** The environments of a job's parallel:matrix (one per combination), or one empty one. */
  @SuppressWarnings("unchecked")
  static List<Map<String, String>> matrix(Map<String, Object> job) {
    List<Map<String, String>> out = new ArrayList<>();
    if (!(job.get("parallel") instanceof Map<?, ?> p)
        || !(p.get("matrix") instanceof List<?> rows)) {
      out.add(Map.of());
      return out;
    }
    for (Object row : rows) {
      List<Map<String, String>> combos = new ArrayList<>();
      combos.add(new LinkedHashMap<>());
      for (var e : ((Map<String, Object>) row).entrySet()) {
        List<Map<String, String>> next = new ArrayList<>();
        for (Object value : e.getValue() instanceof List<?> l ? l : List.of(e.getValue())) {
          for (Map<String, String> c : combos) {
            Map<String, String> n = new LinkedHashMap<>(c);
            n.put(e.getKey(), String.valueOf(value));
            next.add(n);
          }
        }
        combos = next;
      }
      out.addAll(combos);
    }
    return out;
  }
}
