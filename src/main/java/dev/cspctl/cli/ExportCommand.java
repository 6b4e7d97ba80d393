package dev.cspctl.cli;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.Credentials;
import dev.cspctl.emulator.SandboxCredentials;
import dev.cspctl.export.EntryDiscovery;
import dev.cspctl.export.Export;
import dev.cspctl.export.ExportFolder;
import dev.cspctl.export.ExportSettings;
import dev.cspctl.export.Exporter;
import dev.cspctl.spec.ProjectConfig;
import dev.cspctl.spec.PublishSettings;
import dev.cspctl.spec.SpecException;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.state.LiveState;
import dev.cspctl.visitor.StarterTests;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cspctl export [--out DIR]}: write the live project as spec files that plan shows as
 * adoptions only.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the live project (attributes, events, audiences, experiences with their entry variant content,"
          + " priority) as spec files. 'cspctl plan DIR' then shows only adoptions; after apply, no changes."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:exported", "1:error (nothing is written)"})
final class ExportCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "exported",
      description = "Folder to create (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--force",
      description =
          "Write into DIR when it is not empty: only its spec files are replaced (once the new export is complete); other files and .git stay.")
  boolean force;

  @Option(
      names = "--project",
      paramLabel = "UID",
      description = "Personalize project uid. Env: CONTENTSTACK_PERSONALIZE_PROJECT_UID.")
  String project;

  @Option(
      names = "--stack",
      paramLabel = "API_KEY",
      description = "Stack API key. Env: CONTENTSTACK_API_KEY.")
  String stack;

  @Option(
      names = "--locale",
      paramLabel = "LOCALE",
      description = "Locale of the entries whose variants are read (repeatable; default: en-us).")
  List<String> locales = List.of(PublishSettings.DEFAULT_LOCALE);

  @Mixin TargetOptions targetOptions;
  @Mixin VerboseOption verboseOption;
  @Mixin StacktraceOption stacktraceOption;

  @Option(
      names = "--visitor-tests",
      description =
          "Also write "
              + StarterTests.FILE
              + ": a starter visitor test per experience (one visitor per variant), to edit.")
  boolean visitorTests;

  @ParentCommand CspctlCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      ExportFolder.requireWritable(this.out, force);
    } catch (ExportFolder.NotEmptyException e) {
      throw new UserException(e.getMessage());
    }
    Map<String, String> env =
        new HashMap<>(TargetChoice.of(root.global, root.env()).environment(root.env()));
    if (project != null) env.put(Credentials.ENV_PROJECT_UID, project);
    if (stack != null) env.put(Credentials.ENV_API_KEY, stack);
    String region = Target.first(root.global.region, env.get(ApiEndpoints.ENV_REGION));
    ProjectConfig config =
        new ProjectConfig(
            null,
            null,
            region,
            null,
            new PublishSettings(List.of(), locales, PublishSettings.PublishMethod.BULK),
            false,
            // the sandbox read is the one of the folder written, which 'plan --sandbox DIR' then
            // uses
            new dev.cspctl.spec.Origin(
                this.out.resolve(dev.cspctl.spec.SpecLoader.PROJECT_FILE).toString(), 1));
    try (Target target = Target.open(root.global, env, config, Workspace.transport())) {
      Logging.configure(root.global);
      String projectUid =
          Target.first(
              env.get(Credentials.ENV_PROJECT_UID),
              target.isSandbox() ? SandboxCredentials.PROJECT_UID : null);
      String apiKey =
          Target.first(
              env.get(Credentials.ENV_API_KEY),
              target.isSandbox() ? SandboxCredentials.API_KEY : null);
      ExportSettings settings =
          new ExportSettings(projectUid, apiKey, target.isSandbox() ? null : region, null, locales);
      LiveState live =
          new EntryDiscovery(target.clients().personalize(), target.clients().cma())
              .read(settings.locales());
      Export export = new Exporter().export(live, settings);
      for (String w : export.warnings()) err.println("warning: " + w);
      for (String n : export.notes()) err.println("note: " + n);
      err.flush();
      if (export.counts().resources() == 0) {
        throw new UserException(
            "nothing to export from "
                + target.description()
                + ": it has no attributes, events, audiences or experiences the spec format can hold; nothing was written");
      }
      write(export);
      out.println(
          "Exported "
              + export.counts().line()
              + " from "
              + target.description()
              + " to "
              + this.out
              + " ("
              + export.files().size()
              + " files).");
      if (visitorTests) {
        out.println(
            "Wrote starter visitor tests to "
                + this.out.resolve(StarterTests.FILE)
                + "; edit them, then run 'cspctl test "
                + this.out
                + "'.");
      }
      out.println(
          "Next: review and commit "
              + this.out
              + ", then 'cspctl plan "
              + this.out
              + "' shows each resource as an adoption; 'cspctl apply' adopts them.");
      out.flush();
      return 0;
    }
  }

  private void write(Export export) {
    try {
      new ExportFolder()
          .write(
              out,
              export.files(),
              force,
              folder -> {
                validate(folder);
                if (visitorTests) writeStarterTests(folder);
              });
    } catch (ExportFolder.NotEmptyException e) {
      throw new UserException(e.getMessage());
    } catch (UncheckedIOException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /** Written from the exported specs themselves, then validated with them. */
  private static void writeStarterTests(Path folder) {
    String text =
        StarterTests.render(
            new SpecLoader().load(folder),
            "https://cspctl.dev/schemas/visitor-test.schema.json",
            Instant.now());
    if (text == null) return;
    try {
      Files.writeString(folder.resolve(StarterTests.FILE), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    validate(folder);
  }

  /** The export must load as specs; if it does not, that is a bug here, and nothing is written. */
  private static void validate(Path folder) {
    try {
      new SpecLoader().load(folder);
    } catch (SpecException e) {
      throw new UserException(
          "the export does not validate, so nothing was written (please report this): "
              + e.errors().get(0).format().replace(folder.toString(), "<export>"));
    }
  }
}
