package dev.cspctl.cli;

import dev.cspctl.emulator.AcceptedCredentials;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.emulator.FaultInjector;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cspctl emulator}: serve the local emulator of both APIs until stopped, on the loopback
 * address unless {@code --listen} names another (then announced on the first line).
 */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    description =
        "Serve a local emulator of the Personalize Management API and the CMA (loopback only unless --listen).")
public final class EmulatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "State file: loaded if it exists, saved atomically on exit.")
  Path state;

  @Option(
      names = "--latency-ms",
      paramLabel = "N",
      description = "Extra latency per request (default: ${DEFAULT-VALUE}).")
  long latencyMs;

  @Option(names = "--rate-limit", description = "Enforce the real rate limits (429 + Retry-After).")
  boolean rateLimit;

  @Option(
      names = "--faults",
      paramLabel = "SPEC",
      description = "Faults to inject, e.g. 500:0.05,429:0.05,reset:0.02,drop:0.05.")
  String faults = "";

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the fault schedule (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--cms-delay-ms",
      paramLabel = "N",
      description = "Delay of the asynchronous _cms sync (default: ${DEFAULT-VALUE}).")
  long cmsDelayMs = EmulatorConfig.REALISTIC_CMS_DELAY_MS;

  @Option(
      names = "--entries",
      paramLabel = "FILE",
      description = "JSON file of content types and base entries.")
  Path entries;

  @Mixin StacktraceOption stacktraceOption;

  /** Held while serving with --state, so no --sandbox command uses the same file meanwhile. */
  private volatile StateFileLock stateLock;

  @Option(
      names = "--listen",
      paramLabel = "ADDRESS",
      description =
          "Address to bind: loopback unless given; 0.0.0.0 serves other hosts too, e.g. as a CI service container.")
  String listen;

  @Option(
      names = "--no-project",
      description =
          "Start with no Personalize project, as a stack not yet connected: "
              + "POST /projects creates it (as Contentstack's CLI import does).")
  boolean noProject;

  /** Released by {@link #requestStop()} (or never): the command serves until the JVM stops. */
  private final CountDownLatch stop = new CountDownLatch(1);

  /** Makes {@link #call()} save the state (if --state) and return 0; for tests and embedding. */
  public void requestStop() {
    stop.countDown();
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      FaultInjector.parse(faults);
    } catch (IllegalArgumentException e) {
      err.println("error: --faults: " + e.getMessage());
      err.flush();
      return 1;
    }
    InetAddress address = null;
    if (listen != null) {
      try {
        address =
            InetAddress.getByName(
                listen.startsWith("[") && listen.endsWith("]")
                    ? listen.substring(1, listen.length() - 1)
                    : listen);
      } catch (UnknownHostException e) {
        err.println("error: --listen: '" + listen + "' is not an address of this host");
        err.flush();
        return 1;
      }
    }
    EmulatorConfig config =
        EmulatorConfig.builder()
            .port(port)
            .listen(address)
            .withoutProject(noProject)
            .credentials(AcceptedCredentials.fromEnvironment(System.getenv()))
            .latencyMs(latencyMs)
            .rateLimit(rateLimit)
            .faults(faults)
            .seed(seed)
            .cmsDelayMs(cmsDelayMs)
            .entriesFile(entries)
            .stateFile(state)
            .build();
    Emulator emulator;
    StateFileLock lock = null;
    try {
      if (state != null) lock = StateFileLock.forEmulator(state);
      emulator = Emulator.start(config);
    } catch (RuntimeException e) {
      if (lock != null) lock.close();
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    stateLock = lock;
    Thread hook = new Thread(() -> shutdown(emulator), "cspctl-emulator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    InetAddress bound = address == null ? emulator.listenAddress() : address;
    out.println(
        "listening on "
            + emulator.baseUrl()
            + (bound.isLoopbackAddress()
                ? ""
                : " (bound to "
                    + bound.getHostAddress()
                    + ", NOT loopback only: other hosts can reach it; it accepts"
                    + " the public sandbox credentials unless CONTENTSTACK_* variables set others)"));
    out.flush();
    stop.await();
    Runtime.getRuntime().removeShutdownHook(hook);
    shutdown(emulator);
    return 0;
  }

  private void shutdown(Emulator emulator) {
    try {
      if (state != null) {
        emulator.save(state);
      }
      emulator.close();
    } finally {
      if (stateLock != null) stateLock.close();
    }
  }
}
