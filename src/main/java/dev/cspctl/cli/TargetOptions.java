package dev.cspctl.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Which live project a command talks to: the sandbox, a region, or two base URLs. For commands that
 * call an API.
 */
final class TargetOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  private GlobalOptions global() {
    return GlobalOptions.of(mixee);
  }

  @Option(
      names = "--sandbox",
      description =
          "Use the embedded local emulator (state in DIR/.cspctl/sandbox.json). Env: CSPCTL_SANDBOX=1.")
  void sandbox(boolean value) {
    global().sandbox = value;
  }

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "Region: na, eu, au, azure-na, azure-eu, gcp-na or gcp-eu, or the Contentstack CLI names (AWS-NA, ...) (default: na). Env: CONTENTSTACK_REGION.")
  void region(String value) {
    global().region = value;
  }

  @Option(
      names = "--personalize-url",
      paramLabel = "URL",
      description = "Personalize base URL (overrides the region). Env: CSPCTL_PERSONALIZE_URL.")
  void personalizeUrl(String value) {
    global().personalizeUrl = value;
  }

  @Option(
      names = "--cma-url",
      paramLabel = "URL",
      description = "CMA base URL (overrides the region). Env: CSPCTL_CMA_URL.")
  void cmaUrl(String value) {
    global().cmaUrl = value;
  }

  @Option(
      names = "--target",
      paramLabel = "NAME",
      description =
          "One of the targets: of cspctl.yaml ('default': the top-level settings). Env: CSPCTL_TARGET.")
  void target(String value) {
    global().target = value;
  }
}
