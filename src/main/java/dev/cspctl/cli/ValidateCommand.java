package dev.cspctl.cli;

import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.SpecLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cspctl validate [DIR]}: offline checks of a spec folder. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a spec folder offline: YAML, schemas, references and the rules of the spec format.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:valid", "1:invalid (every error is printed as file:line:col: field: message)"})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", defaultValue = "specs", paramLabel = "DIR",
      description = "Spec folder (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--strict", description = "Treat references to resources the specs do not declare as errors.")
  boolean strict;

  @Mixin StacktraceOption stacktraceOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    DesiredState state = new SpecLoader().load(dir);
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    for (DesiredState.UnresolvedReference ref : state.unresolved()) {
      String line = ref.origin() + ": " + ref.kind().yamlName() + " '" + ref.name()
          + "' is not declared in the specs; it must exist in the live project";
      if (strict) err.println("error: " + OneLine.of(line));
      else err.println("warning: " + OneLine.of(line));
    }
    if (strict && !state.unresolved().isEmpty()) {
      err.println(state.unresolved().size() + " unresolved reference(s) (--strict).");
      return ErrorHandler.EXIT_ERROR;
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    out.println("Valid: " + state.resourceCount() + " resources in " + state.fileCount() + " files (" + counts(state) + ") in " + ms + " ms.");
    return 0;
  }

  private static String counts(DesiredState s) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("attributes", s.attributes().size());
    counts.put("events", s.events().size());
    counts.put("audiences", s.audiences().size());
    counts.put("experiences", s.experiences().size());
    counts.put("priority", s.priority().isPresent() ? 1 : 0);
    StringJoiner j = new StringJoiner(", ");
    counts.forEach((k, v) -> j.add(v + " " + (v == 1 && k.endsWith("s") ? k.substring(0, k.length() - 1) : k)));
    return j.toString();
  }
}
