package dev.cspctl.cli;

import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.SpecError;
import dev.cspctl.spec.SpecException;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.visitor.TargetingLints;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cspctl validate [DIR]}: offline checks of a spec folder. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check a spec folder offline: YAML, schemas, references and the rules of the spec format.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:valid",
      "1:invalid (every error is printed as file:line:col: field: message)"
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "specs",
      paramLabel = "DIR",
      description = "Spec folder (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--strict",
      description =
          "Treat warnings as errors: references to resources the specs do not declare, and the targeting lints.")
  boolean strict;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "Output format: text or codequality, GitLab Code Quality JSON on stdout (default: text).")
  Format format = Format.TEXT;

  enum Format {
    TEXT,
    CODEQUALITY
  }

  @picocli.CommandLine.ParentCommand CspctlCommand root;

  @Mixin StacktraceOption stacktraceOption;
  @Mixin TargetNameOption targetNameOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (format == Format.CODEQUALITY) return codeQuality();
    long started = System.nanoTime();
    DesiredState state =
        new SpecLoader().load(dir, TargetChoice.of(root.global, root.env()).name());
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    String level = strict ? "error: " : "warning: ";
    for (DesiredState.UnresolvedReference ref : state.unresolved()) {
      err.println(
          level
              + OneLine.of(
                  ref.origin()
                      + ": "
                      + ref.kind().yamlName()
                      + " '"
                      + ref.name()
                      + "' is not declared in the specs; it must exist in the live project"));
    }
    List<SpecError> lints = TargetingLints.check(state);
    for (SpecError lint : lints) err.println(level + lint.format());
    int warnings = state.unresolved().size() + lints.size();
    if (strict && warnings > 0) {
      err.println(warnings + " warning(s) treated as errors (--strict).");
      return ErrorHandler.EXIT_ERROR;
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    out.println(
        "Valid: "
            + state.resourceCount()
            + " resources in "
            + state.fileCount()
            + " files ("
            + counts(state)
            + ") in "
            + ms
            + " ms.");
    return 0;
  }

  /** Every error and warning as a Code Quality finding on stdout; the verdict on stderr. */
  private int codeQuality() {
    String projectDir = root == null ? null : root.env().get("CI_PROJECT_DIR");
    CodeQualityReport report =
        new CodeQualityReport(
            Path.of(projectDir == null || projectDir.isBlank() ? "" : projectDir));
    var err = spec.commandLine().getErr();
    int errors = 0;
    try {
      DesiredState state =
          new SpecLoader().load(dir, TargetChoice.of(root.global, root.env()).name());
      for (DesiredState.UnresolvedReference ref : state.unresolved()) {
        report.add(
            new CodeQualityReport.Finding(
                "cspctl/unresolved-reference",
                strict ? CodeQualityReport.Severity.MAJOR : CodeQualityReport.Severity.MINOR,
                ref.origin().file(),
                ref.origin().line(),
                "",
                ref.kind().yamlName()
                    + " '"
                    + ref.name()
                    + "' is not declared in the specs; it must exist in the live project"));
      }
      if (strict) errors += state.unresolved().size();
      err.println(
          (errors == 0 ? "Valid" : "Invalid")
              + ": "
              + state.resourceCount()
              + " resources, "
              + state.unresolved().size()
              + " warning(s).");
    } catch (SpecException e) {
      for (SpecError error : e.errors()) {
        report.add(
            new CodeQualityReport.Finding(
                "cspctl/spec-error",
                CodeQualityReport.Severity.MAJOR,
                error.file(),
                error.line(),
                error.field(),
                error.message()));
        err.println("error: " + error.format());
      }
      errors += e.errors().size();
      err.println(e.errors().size() + (e.errors().size() == 1 ? " error" : " errors") + " found.");
    }
    spec.commandLine().getOut().print(report.render());
    spec.commandLine().getOut().flush();
    return errors == 0 ? 0 : ErrorHandler.EXIT_ERROR;
  }

  private static String counts(DesiredState s) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("attributes", s.attributes().size());
    counts.put("events", s.events().size());
    counts.put("audiences", s.audiences().size());
    counts.put("experiences", s.experiences().size());
    counts.put("priority", s.priority().isPresent() ? 1 : 0);
    StringJoiner j = new StringJoiner(", ");
    counts.forEach(
        (k, v) ->
            j.add(v + " " + (v == 1 && k.endsWith("s") ? k.substring(0, k.length() - 1) : k)));
    int tests = s.visitorTests().size();
    return j + (tests == 0 ? "" : "; " + tests + (tests == 1 ? " visitor test" : " visitor tests"));
  }
}
