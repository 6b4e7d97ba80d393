package dev.cspctl.spec;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars by the YAML 1.2 core schema instead of SnakeYAML's YAML 1.1 default, so
 * that {@code value: NO} (Norway) stays a string instead of becoming {@code false}, and dates stay
 * strings. Merge keys ({@code <<}) are not resolved: they surface as unknown keys.
 */
final class Yaml12Resolver extends Resolver {
  private static final Pattern BOOL_12 = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
  private static final Pattern INT_12 =
      Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");
  private static final Pattern FLOAT_12 =
      Pattern.compile(
          "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
  private static final Pattern NULL_12 = Pattern.compile("^(?:~|null|Null|NULL|)$");

  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.BOOL, BOOL_12, "tTfF");
    addImplicitResolver(Tag.INT, INT_12, "-+0123456789");
    addImplicitResolver(Tag.FLOAT, FLOAT_12, "-+0123456789.");
    addImplicitResolver(Tag.NULL, NULL_12, "~nN\0");
    addImplicitResolver(Tag.NULL, EMPTY, null);
  }
}
