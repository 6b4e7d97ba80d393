package dev.cspctl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cspctl comment PLAN.md...}: posts the markdown plans (one section per target) as one
 * merge-request note and, on every later push, edits that same note instead of adding another. Runs
 * in a merge-request pipeline: CI_API_V4_URL, CI_PROJECT_ID and CI_MERGE_REQUEST_IID come from
 * GitLab; the token from CSPCTL_GITLAB_TOKEN (a project access token in a masked variable, since
 * CI_JOB_TOKEN cannot write notes).
 */
@Command(
    name = "comment",
    mixinStandardHelpOptions = true,
    description =
        "Post the markdown plan(s) as one merge-request note, updating the same note on each push.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:posted or updated", "1:error (missing variable, GitLab API refused)"})
final class CommentCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin StacktraceOption stacktraceOption;
  static final String TOKEN_VARIABLE = "CSPCTL_GITLAB_TOKEN";

  /** GitLab refuses notes over 1,000,000 characters; stay well under it. */
  static final int LIMIT = 900_000;

  @Parameters(
      arity = "1..*",
      paramLabel = "PLAN.md",
      description = "Markdown plans (cspctl show PLAN --format markdown).")
  List<Path> files;

  @Option(
      names = "--key",
      paramLabel = "KEY",
      description =
          "Tells apart notes of several spec folders in one MR (default: ${DEFAULT-VALUE}).")
  String key = "plan";

  @ParentCommand CspctlCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var env = root.env();
    List<String> missing = new ArrayList<>();
    for (String v :
        List.of("CI_API_V4_URL", "CI_PROJECT_ID", "CI_MERGE_REQUEST_IID", TOKEN_VARIABLE)) {
      if (env.get(v) == null || env.get(v).isBlank()) missing.add(v);
    }
    if (!missing.isEmpty()) {
      throw new UserException(
          "cspctl comment runs in a merge-request pipeline; missing: "
              + String.join(", ", missing)
              + (missing.contains(TOKEN_VARIABLE)
                  ? " (a project access token with the api scope, as a masked CI/CD variable)"
                  : ""));
    }
    String marker = "<!-- cspctl:comment:" + key.replaceAll("[^A-Za-z0-9_.-]", "_") + " -->";
    String body = body(marker, env.get("CI_COMMIT_SHORT_SHA"));
    MergeRequestNote.Result r =
        new MergeRequestNote(
                env.get("CI_API_V4_URL"),
                env.get("CI_PROJECT_ID"),
                env.get("CI_MERGE_REQUEST_IID"),
                env.get(TOKEN_VARIABLE))
            .upsert(marker, body);
    spec.commandLine()
        .getOut()
        .println((r.created() ? "Posted" : "Updated") + " merge request note " + r.noteId() + ".");
    return 0;
  }

  private String body(String marker, String commit) {
    StringBuilder b = new StringBuilder(marker).append('\n');
    List<String> sections = new ArrayList<>();
    for (Path f : files) {
      try {
        sections.add(Files.readString(f));
      } catch (IOException e) {
        throw new UserException("cannot read " + f + ": " + e.getMessage());
      }
    }
    for (int i = 0; i < files.size(); i++) {
      String section = sections.get(i);
      if (files.size() > 1) b.append("\n#### ").append(label(files.get(i))).append("\n\n");
      if (b.length() + section.length() > LIMIT) {
        b.append(
                "_Not shown (the note would pass GitLab's size limit): see the job's artifacts for ")
            .append(files.get(i).getFileName())
            .append("._\n");
      } else {
        b.append(
            section.replace(
                "### cspctl plan", files.size() > 1 ? "##### cspctl plan" : "### cspctl plan"));
      }
    }
    if (commit != null && !commit.isBlank())
      b.append("\n<sub>Updated for ").append(commit).append(" by cspctl.</sub>\n");
    return b.toString();
  }

  /** {@code cspctl-plans/eu.plan.md} -> {@code eu}: the target a file belongs to. */
  static String label(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".plan.md")
        ? "target " + n.substring(0, n.length() - ".plan.md".length())
        : n;
  }
}
