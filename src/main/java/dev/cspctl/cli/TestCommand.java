package dev.cspctl.cli;

import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.Suggestions;
import dev.cspctl.spec.Visitor;
import dev.cspctl.spec.VisitorFile;
import dev.cspctl.spec.VisitorTest;
import dev.cspctl.visitor.Evaluation;
import dev.cspctl.visitor.Evaluator;
import dev.cspctl.visitor.TestResult;
import dev.cspctl.visitor.TestRunner;
import dev.cspctl.visitor.report.JsonReport;
import dev.cspctl.visitor.report.JunitReport;
import dev.cspctl.visitor.report.Summary;
import dev.cspctl.visitor.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cspctl test [DIR]}: evaluates the visitor tests offline against the specs. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Run the VisitorTest documents of a spec folder offline, against the specs (not the live project):"
          + " who sees which variant, and which experiences a delivery request applies.",
      "With --visitor, print what one visitor would see instead."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every visitor test passed (or --visitor printed)",
      "1:a test failed or cannot be evaluated, or bad input"
    })
final class TestCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin StacktraceOption stacktraceOption;

  enum Format {
    TEXT,
    JUNIT,
    JSON
  }

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "specs",
      paramLabel = "DIR",
      description = "Spec folder (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: text, junit or json (default: text).")
  Format format = Format.TEXT;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Write the report in --format to FILE; stdout then gets the text report (as pytest --junitxml does).")
  Path report;

  @Option(
      names = "--only",
      paramLabel = "NAME",
      description = "Run only the visitor test with this name (repeatable).")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--visitor",
      paramLabel = "VISITOR",
      description =
          "Print what this visitor sees: a YAML file, or inline YAML such as '{device: MOBILE, attributes: {visits: 9}}'.")
  String visitor;

  @Option(
      names = "--time",
      paramLabel = "TIME",
      description = "Evaluate visitors that give no time at this ISO-8601 instant (default: now).")
  String time;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DesiredState specs = Workspace.load(dir);
    Evaluator evaluator = Evaluator.of(specs);
    Instant now = now();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (visitor != null) return explore(evaluator, now, out);
    List<VisitorTest> tests = select(specs.visitorTests());
    if (tests.isEmpty())
      err.println(
          "note: "
              + dir
              + " holds no visitor tests (kind: VisitorTest); see the README, \"Visitor tests\".");
    List<TestResult> results = new TestRunner(evaluator, now).run(tests);
    String document = render(results, format);
    if (report != null) {
      write(report, document);
      out.print(TextReport.render(results));
      err.println(
          "Wrote the " + format.name().toLowerCase(Locale.ROOT) + " report to " + report + ".");
    } else {
      out.print(document);
    }
    out.flush();
    Summary s = Summary.of(results);
    if (format != Format.TEXT && report == null) err.println(s.line());
    return s.failed() + s.notEvaluable() == 0 ? 0 : ErrorHandler.EXIT_ERROR;
  }

  private int explore(Evaluator evaluator, Instant now, PrintWriter out) {
    if (format == Format.JUNIT)
      throw new UserException(
          "--visitor prints what one visitor sees; use --format text or json, not junit");
    Visitor v = readVisitor();
    Evaluation e = evaluator.explain(v, now);
    String document =
        format == Format.JSON
            ? JsonReport.render(e)
            : TextReport.render(e, evaluator.variantLimit());
    if (report != null) write(report, document);
    out.print(document);
    out.flush();
    return 0;
  }

  private Visitor readVisitor() {
    Path file = Path.of(visitor);
    if (!visitor.trim().startsWith("{") && Files.isRegularFile(file)) return VisitorFile.read(file);
    if (!visitor.trim().startsWith("{")) {
      throw new UserException(
          "--visitor "
              + visitor
              + ": no such file; give a YAML file or inline YAML such as '{device: MOBILE}'");
    }
    return VisitorFile.parse(visitor, "--visitor");
  }

  private List<VisitorTest> select(List<VisitorTest> all) {
    if (only.isEmpty()) return all;
    Set<String> names = new TreeSet<>();
    all.forEach(t -> names.add(t.name()));
    for (String o : only) {
      if (!names.contains(o)) {
        throw new UserException(
            "--only " + o + ": no visitor test has this name" + Suggestions.didYouMean(o, names));
      }
    }
    return all.stream().filter(t -> only.contains(t.name())).toList();
  }

  private Instant now() {
    if (time == null) return Instant.now();
    try {
      return OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException e) {
      throw new UserException(
          "--time "
              + time
              + ": expected an ISO-8601 date-time with offset, e.g. 2026-12-24T10:00:00Z");
    }
  }

  private String render(List<TestResult> results, Format f) {
    return switch (f) {
      case TEXT -> TextReport.render(results);
      case JUNIT -> JunitReport.render(results, "cspctl visitor tests (" + dir + ")");
      case JSON -> JsonReport.render(results);
    };
  }

  private static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UserException("cannot write the report " + file + ": " + e.getMessage());
    }
  }
}
