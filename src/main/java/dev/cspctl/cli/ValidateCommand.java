package dev.cspctl.cli;

import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.SpecError;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.visitor.TargetingLints;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Option(names = "--strict",
      description = "Treat warnings as errors: references to resources the specs do not declare, and the targeting lints.")
  boolean strict;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    DesiredState state = new SpecLoader().load(dir);
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    String level = strict ? "error: " : "warning: ";
    for (DesiredState.UnresolvedReference ref : state.unresolved()) {
      err.println(level + ref.origin() + ": " + ref.kind().yamlName() + " '" + ref.name()
          + "' is not declared in the specs; it must exist in the live project");
    }
    List<SpecError> lints = TargetingLints.check(state);
    for (SpecError lint : lints) err.println(level + lint.format());
    int warnings = state.unresolved().size() + lints.size();
    if (strict && warnings > 0) {
      err.println(warnings + " warning(s) treated as errors (--strict).");
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
    int tests = s.visitorTests().size();
    return j + (tests == 0 ? "" : "; " + tests + (tests == 1 ? " visitor test" : " visitor tests"));
  }
}
