package dev.cspctl.cli;

import dev.cspctl.export.ExportFolder;
import dev.cspctl.spec.SpecException;
import dev.cspctl.spec.SpecLoader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cspctl init [DIR]}: scaffold a spec folder for a new project. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Create a spec folder: a commented cspctl.yaml and one example of each kind, ready for 'cspctl validate'.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:created", "1:error (DIR already holds specs; nothing is written)"})
final class InitCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "specs",
      paramLabel = "DIR",
      description = "Folder to create (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Mixin StacktraceOption stacktraceOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(dir.resolve(SpecLoader.PROJECT_FILE))) {
      throw new UserException(
          dir + " already holds " + SpecLoader.PROJECT_FILE + "; nothing was written");
    }
    String version = new VersionProvider().getVersion()[0].substring("cspctl ".length());
    Map<String, String> files = Scaffold.files(version);
    for (String f : files.keySet()) {
      if (Files.exists(dir.resolve(f)))
        throw new UserException(dir.resolve(f) + " already exists; nothing was written");
    }
    try {
      new ExportFolder().write(dir, files, true, InitCommand::validate);
    } catch (UncheckedIOException e) {
      throw new UserException(e.getMessage(), e);
    }
    var out = spec.commandLine().getOut();
    out.println(
        "Created "
            + dir
            + " ("
            + files.size()
            + " files): cspctl.yaml and one attribute, event, audience,"
            + " experience and priority.");
    out.println(
        "Next: cspctl validate "
            + dir
            + "; cspctl plan --sandbox "
            + dir
            + "; then set your project in cspctl.yaml and the credentials (see the README).");
    out.flush();
    return 0;
  }

  private static void validate(Path folder) {
    try {
      new SpecLoader().load(folder);
    } catch (SpecException e) {
      throw new UserException(
          "the scaffold does not validate (please report this): " + e.errors().get(0).format());
    }
  }
}
