package dev.cspctl.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --target NAME} alone, for offline commands that resolve a target's settings (e.g. its
 * entry mapping).
 */
final class TargetNameOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--target",
      paramLabel = "NAME",
      description =
          "One of the targets: of cspctl.yaml ('default': the top-level settings). Env: CSPCTL_TARGET.")
  void target(String value) {
    GlobalOptions.of(mixee).target = value;
  }
}
