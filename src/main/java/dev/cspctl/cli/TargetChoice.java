package dev.cspctl.cli;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.Credentials;
import dev.cspctl.spec.ProjectConfig;
import dev.cspctl.spec.TargetSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the {@code targets:} of cspctl.yaml a command works on ({@code --target NAME}, env
 * {@code CSPCTL_TARGET}), and the environment as that target sees it: every variable below is taken
 * from {@code NAME__TARGET} when that is set (e.g. {@code CONTENTSTACK_AUTHTOKEN__EU} for target
 * {@code eu}), else from {@code NAME}. The stack and project never come from the unsuffixed
 * variables for a named target, so a plan for one target cannot reach another's project through a
 * variable meant for the default one.
 */
record TargetChoice(String name) {
  static final String ENV = "CSPCTL_TARGET";

  /** Read per target; the unsuffixed name is the fallback (a user token may serve all projects). */
  static final List<String> PER_TARGET =
      List.of(
          Credentials.ENV_AUTHTOKEN,
          Credentials.ENV_OAUTH_TOKEN,
          Credentials.ENV_EMAIL,
          Credentials.ENV_PASSWORD,
          Credentials.ENV_TFA_TOKEN,
          Credentials.ENV_MANAGEMENT_TOKEN,
          ApiEndpoints.ENV_REGION,
          ApiEndpoints.ENV_PERSONALIZE_URL,
          ApiEndpoints.ENV_CMA_URL,
          "CSPCTL_SANDBOX_STATE");

  /** Read per target only: these name the project itself. */
  static final List<String> ONLY_PER_TARGET =
      List.of(Credentials.ENV_API_KEY, Credentials.ENV_PROJECT_UID);

  static TargetChoice of(GlobalOptions global, Map<String, String> env) {
    String name = Target.first(global.target, env.get(ENV));
    return new TargetChoice(
        name == null || name.equals(TargetSettings.DEFAULT) ? null : name.trim());
  }

  boolean named() {
    return name != null;
  }

  /** {@code eu-west} -> {@code EU_WEST}: the suffix of this target's variables. */
  static String suffix(String target) {
    return target.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  Map<String, String> environment(Map<String, String> env) {
    if (name == null) return env;
    Map<String, String> out = new HashMap<>(env);
    String suffix = "__" + suffix(name);
    for (String var : PER_TARGET) {
      String own = env.get(var + suffix);
      if (own != null) out.put(var, own);
    }
    for (String var : ONLY_PER_TARGET) {
      String own = env.get(var + suffix);
      if (own != null) out.put(var, own);
      else out.remove(var);
    }
    // Each target's sandbox keeps its own state file unless CSPCTL_SANDBOX_STATE__TARGET says
    // otherwise.
    if (env.get("CSPCTL_SANDBOX_STATE" + suffix) == null) {
      String base = env.getOrDefault("CSPCTL_SANDBOX_STATE", Target.SANDBOX_STATE.toString());
      out.put(
          "CSPCTL_SANDBOX_STATE",
          base.endsWith(".json")
              ? base.substring(0, base.length() - 5) + "-" + name + ".json"
              : base + "-" + name);
    }
    return out;
  }

  /**
   * A folder that declares targets and has no top-level project cannot be planned without choosing
   * one: say so instead of failing later on a missing project uid.
   */
  void requireChosen(Set<String> declared, ProjectConfig project, boolean sandbox) {
    if (name != null || declared.isEmpty() || sandbox) return;
    if (project != null && project.project() != null) return;
    throw new UserException(
        "cspctl.yaml declares targets ("
            + String.join(", ", new java.util.TreeSet<>(declared))
            + "); choose one with --target NAME or CSPCTL_TARGET");
  }

  Optional<String> label() {
    return Optional.ofNullable(name);
  }
}
