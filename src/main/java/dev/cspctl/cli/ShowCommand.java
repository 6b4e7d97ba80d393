package dev.cspctl.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cspctl show PLAN}: renders a saved plan in any format without reading an API, so a
 * pipeline's markdown, merge-request widget counts, HTML report and applied plan all come from the
 * one file (and the reads are paid once).
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Render a saved plan (from 'cspctl plan --out PLAN') without reading any API.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:shown", "1:error (not a readable saved plan)"})
final class ShowCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin StacktraceOption stacktraceOption;

  @Parameters(
      index = "0",
      paramLabel = "PLAN",
      description = "A plan saved with 'cspctl plan --out PLAN'.")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: text, markdown, json, gitlab or html (default: text).")
  OutputFormat format = OutputFormat.TEXT;

  @ParentCommand CspctlCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file))
      throw new UserException(
          file + ": no such plan file; make one with 'cspctl plan --out " + file + "'");
    SavedPlan saved = SavedPlan.read(file);
    String title = PlanCommand.title(new TargetChoice(saved.targetName()));
    com.fasterxml.jackson.databind.JsonNode commit = saved.raw().path("saved").path("git_commit");
    String madeFor =
        saved.identity() == null
            ? null
            : saved.identity().madeFor(commit.isTextual() ? commit.asText() : null);
    spec.commandLine()
        .getOut()
        .print(format.render(saved.plan(), OutputFormat.color(root.env()), title, madeFor));
    spec.commandLine().getOut().flush();
    if (saved.appliedAt() != null)
      spec.commandLine()
          .getErr()
          .println("Note: this plan was applied at " + saved.appliedAt() + ".");
    return 0;
  }
}
