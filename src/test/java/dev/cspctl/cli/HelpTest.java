package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Each command's help lists only the options that apply to it, and the README's command table is
 * that help.
 */
class HelpTest {
  static final Set<String> STANDARD = Set.of("--help", "--version");

  /**
   * {@code cspctl plan [DIR] [--detailed-exitcode] ... }: the parameters, then the options sorted
   * as the help sorts them.
   */
  static String synopsis(CommandSpec spec) {
    StringBuilder b = new StringBuilder(spec.qualifiedName());
    for (PositionalParamSpec p : spec.positionalParameters()) {
      b.append(' ').append(p.arity().min == 0 ? "[" + p.paramLabel() + "]" : p.paramLabel());
    }
    List<OptionSpec> options = new ArrayList<>(spec.options());
    options.sort(java.util.Comparator.comparing(o -> o.longestName().replaceFirst("^-+", "")));
    for (OptionSpec o : options) {
      if (STANDARD.contains(o.longestName())) continue;
      String name = o.longestName();
      String one = o.typeInfo().isBoolean() ? name : name + " " + o.paramLabel();
      b.append(" [").append(one).append(']').append(o.isMultiValue() ? "..." : "");
    }
    return b.toString();
  }

  static Map<String, String> synopses() {
    Map<String, String> all = new LinkedHashMap<>();
    CommandLine root = Cli.create(Map.of());
    root.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals("help")) all.put(name, synopsis(sub.getCommandSpec()));
            });
    return all;
  }

  static List<String> readmeCommands() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String table = readme.substring(readme.indexOf("\n## Commands"));
    List<String> rows = new ArrayList<>();
    for (String line : table.lines().toList()) {
      if (line.startsWith("| `cspctl ")) {
        String cell = line.substring(3, line.indexOf('`', 3));
        rows.add(cell.replace("\\|", "|"));
      }
    }
    return rows;
  }

  @Test
  void theReadmeCommandTableIsTheHelp() throws IOException {
    assertThat(readmeCommands()).containsExactlyElementsOf(synopses().values());
  }

  @Test
  void offlineCommandsHaveNoTargetOptionsAndTheEmulatorNoSandbox() {
    Map<String, String> s = synopses();
    assertThat(s.get("validate"))
        .doesNotContain("--sandbox", "--region", "--personalize-url", "-v", "--verbose")
        .contains("--stacktrace");
    assertThat(s.get("emulator"))
        .doesNotContain("--sandbox", "--region", "--cma-url")
        .contains("--state FILE");
    for (String c : List.of("plan", "apply", "drift", "export")) {
      assertThat(s.get(c))
          .contains(
              "[--cma-url URL]",
              "[--personalize-url URL]",
              "[--region REGION]",
              "[--sandbox]",
              "[--stacktrace]",
              "[--verbose]");
    }
    Run r = CliHarness.run("validate", "--sandbox", "specs");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: Unknown option: '--sandbox'");
  }

  @Test
  void onePlaceholderStyleAndOneDefaultStyle() {
    CommandLine root = Cli.create(Map.of());
    root.getSubcommands()
        .forEach(
            (name, sub) -> {
              for (OptionSpec o : sub.getCommandSpec().options()) {
                if (!o.typeInfo().isBoolean() && !STANDARD.contains(o.longestName())) {
                  assertThat(o.paramLabel())
                      .as(name + " " + o.longestName())
                      .matches("[A-Z][A-Z_/]*");
                }
                String d = String.join(" ", o.description());
                assertThat(d)
                    .as(name + " " + o.longestName())
                    .doesNotContain("Default:")
                    .doesNotContainPattern("\\(default [^:]");
                if (!d.isEmpty())
                  assertThat(d).as(name + " " + o.longestName()).matches("[A-Z].*\\.");
              }
            });
  }

  @Test
  void versionIsACommandToo() {
    Run v = CliHarness.run("version");
    assertThat(v.exit()).isZero();
    assertThat(v.out()).startsWith("cspctl ").isEqualTo(CliHarness.run("--version").out());
  }
}
