package dev.cspctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a saved plan was made against: the sandbox (and its state file) or the two API base URLs,
 * and the project, stack and branch. {@code apply PLAN} refuses any other target. No secrets.
 *
 * @param flags the command-line flags that selected it, repeated in the "apply it with" hint
 */
record TargetIdentity(
    boolean sandbox,
    String personalizeUrl,
    String cmaUrl,
    String project,
    String stack,
    String branch,
    String sandboxState,
    List<String> flags) {
  TargetIdentity {
    flags = List.copyOf(flags);
  }

  /**
   * What differs between the target a plan was made for and this one; empty when they are the same.
   */
  List<String> differences(TargetIdentity now) {
    List<String> d = new ArrayList<>();
    if (sandbox != now.sandbox) {
      d.add(
          sandbox
              ? "the plan is for the sandbox, this apply targets a real API"
              : "the plan is for a real API, this apply targets the sandbox");
      return d;
    }
    differ(d, "Personalize URL", personalizeUrl, now.personalizeUrl);
    differ(d, "CMA URL", cmaUrl, now.cmaUrl);
    differ(d, "project", project, now.project);
    differ(d, "stack", stack, now.stack);
    differ(d, "branch", branch, now.branch);
    differ(d, "sandbox state", sandboxState, now.sandboxState);
    return d;
  }

  private static void differ(List<String> d, String what, String planned, String now) {
    if (!Objects.equals(planned, now))
      d.add(what + " " + shown(planned) + " in the plan, " + shown(now) + " now");
  }

  private static String shown(String s) {
    return s == null ? "(none)" : s;
  }

  /**
   * "Made for project `…` (stack `…`) at https://…, from commit `abc1234`." for the markdown plan.
   */
  String madeFor(String commit) {
    String where =
        sandbox
            ? "the sandbox (" + sandboxState + ")"
            : "project `"
                + project
                + "` (stack `"
                + stack
                + "`"
                + (branch == null ? "" : ", branch `" + branch + "`")
                + ") at "
                + regionOf(personalizeUrl);
    return "Made for "
        + where
        + (commit == null
            ? ", from uncommitted specs."
            : ", from commit `" + commit.substring(0, 12) + "`.");
  }

  private static String regionOf(String personalizeUrl) {
    for (dev.cspctl.api.Region r : dev.cspctl.api.Region.values()) {
      if (r.endpoints().personalizeBase().toString().equals(personalizeUrl))
        return "region `" + r.id() + "`";
    }
    return personalizeUrl;
  }

  /** {@code cspctl apply [flags] PLAN}, each value quoted for a POSIX shell when it needs it. */
  String applyCommand(String plan) {
    StringBuilder b = new StringBuilder("cspctl apply");
    for (String f : flags) b.append(' ').append(quote(f));
    return b.append(' ').append(quote(plan)).toString();
  }

  static String quote(String s) {
    return s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
