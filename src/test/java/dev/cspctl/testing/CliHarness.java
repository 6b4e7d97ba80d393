package dev.cspctl.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.cspctl.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs cspctl's command line in-process, as {@code Main} does but with the environment given and
 * stdout and stderr captured: {@code Run r = CliHarness.run(env, "plan", "--sandbox", "specs")}.
 */
public final class CliHarness {
  private CliHarness() {}

  /** What one command did: its exit code and everything it printed on stdout and stderr. */
  public record Run(int exit, String out, String err) {
    /** stdout then stderr, for assertions on everything the user saw. */
    public String all() {
      return out + err;
    }
  }

  /** Runs {@code cspctl args...} with no environment variables at all. */
  public static Run run(String... args) {
    return run(Map.of(), args);
  }

  /** Runs {@code cspctl args...} with {@code env} as its whole environment. */
  public static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Cli.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), env);
    return new Run(exit, out.toString(UTF_8), err.toString(UTF_8));
  }

  /**
   * An environment for {@code --sandbox} commands: the sandbox's state in {@code stateFile} (not
   * the spec folder's {@code .cspctl/}) and a 20 ms CMS sync instead of the realistic one. Mutable,
   * so a test can add to it.
   */
  public static Map<String, String> sandboxEnv(Path stateFile) {
    Map<String, String> env = new HashMap<>();
    env.put("CSPCTL_SANDBOX_STATE", stateFile.toString());
    env.put("CSPCTL_SANDBOX_CMS_DELAY_MS", "20");
    return env;
  }
}
