package dev.cspctl.cli;

import dev.cspctl.apply.LockEvents;
import dev.cspctl.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cspctl force-unlock LOCK_ID [DIR]}: removes the project lock of an apply that died, as
 * {@code terraform force-unlock} does. The exact lock ID (printed by the apply that waits for the
 * lock) is required, so a lock taken since by another apply is never removed by mistake.
 */
@Command(
    name = "force-unlock",
    mixinStandardHelpOptions = true,
    description = {
      "Remove the project lock left by a cspctl apply that died (the lock also frees itself when its lease,"
          + " 60 s, runs out). Only for a lock whose apply is not running any more: a running apply stops when its lock is removed."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:removed", "1:error, or no lock with that ID"})
final class ForceUnlockCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin TargetOptions targetOptions;
  @picocli.CommandLine.Mixin VerboseOption verboseOption;
  @picocli.CommandLine.Mixin StacktraceOption stacktraceOption;

  @Parameters(
      index = "0",
      paramLabel = "LOCK_ID",
      description = "The lock ID from the message of the apply that waits for the lock.")
  String lockId;

  @Parameters(
      index = "1",
      arity = "0..1",
      defaultValue = "specs",
      paramLabel = "DIR",
      description =
          "Spec folder whose cspctl.yaml names the project (default: ${DEFAULT-VALUE}; the environment alone if it has none).")
  Path dir;

  @ParentCommand CspctlCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Target target =
        Target.open(
            root.global,
            root.env(),
            new SpecLoader().loadProjectOnly(dir),
            Workspace.transport())) {
      Logging.configure(root.global);
      LockEvents.Held removed =
          LockEvents.forceUnlock(target.clients().personalize(), lockId.strip());
      out.println(
          "Removed the project lock (" + removed.describe() + ") of " + target.description() + ".");
      return 0;
    }
  }
}
