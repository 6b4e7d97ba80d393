package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A running local emulator of the Personalize Management API (at the root) and the CMA (under
 * {@code /v3}) on one port of the loopback address (or of {@link EmulatorConfig#listen()}).
 *
 * <pre>{@code
 * try (Emulator emu = Emulator.start(EmulatorConfig.builder().build())) {
 *   URI personalize = URI.create(emu.personalizeUrl());   // http://127.0.0.1:PORT
 *   URI cma = URI.create(emu.cmaUrl());                   // http://127.0.0.1:PORT/v3
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {
  private static final String NODELAY = "sun.net.httpserver.nodelay";
  private final EmulatorConfig config;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Store store;
  private final RequestLog log;
  private final ServerRateLimits limiter;
  private final AdminRoutes admin;
  private final VersionHistory history;
  private final ScriptedFaults scripted;

  private Emulator(
      EmulatorConfig config,
      HttpServer server,
      ExecutorService executor,
      Store store,
      RequestLog log,
      ServerRateLimits limiter,
      AdminRoutes admin,
      VersionHistory history,
      ScriptedFaults scripted) {
    this.history = history;
    this.scripted = scripted;
    this.config = config;
    this.server = server;
    this.executor = executor;
    this.store = store;
    this.log = log;
    this.limiter = limiter;
    this.admin = admin;
  }

  /** Starts serving; loads {@code config.stateFile()} when it exists. */
  public static Emulator start(EmulatorConfig config) {
    // Without TCP_NODELAY the JDK server's separate header/body writes meet delayed ACKs: ~40 ms
    // per request. Read once by the JDK when the first HttpServer is created.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    CmsSync sync = new CmsSync(config.credentials().projectUid(), config.cmsDelayMs());
    EmulatorState initial =
        config.stateFile() != null && Files.exists(config.stateFile())
            ? StateFile.load(config.stateFile())
            : fresh(config);
    if (initial.project == null && !config.withoutProject() && initial.formatVersion < 2) {
      initial.project = Projects.seed(config.credentials()); // state saved before projects existed
    }
    String configured = config.credentials().projectUid();
    if (initial.project != null
        && !config.withoutProject()
        && configured != null
        && !configured.equals(initial.projectUid())) {
      // The emulator accepts the credentials it is given: a state served for another project uid
      // (a copy of a project, as Contentstack's CLI export/import makes) answers to the new one.
      initial.project.put("uid", configured);
    }
    initial.formatVersion = 2;
    Store store = new Store(initial, () -> fresh(config), sync);
    Router router = new Router();
    new Projects(store, config).register(router);
    new ProjectResources(store, config).register(router);
    new Experiences(store, config).register(router);
    VersionHistory history = new VersionHistory();
    new Versions(store, config, sync, history).register(router);
    new UserSessions(config.credentials()).register(router);
    new VariantGroups(store).register(router);
    new Entries(store).register(router);
    new StackSettings(store).register(router);
    new EntryVariants(store).register(router);
    new Publishing(store).register(router);
    new Unpublishing(store).register(router);
    RequestLog log = new RequestLog();
    ServerRateLimits limiter = new ServerRateLimits(config.rateLimit());
    FaultInjector faults = new FaultInjector(config.faults(), config.seed());
    AdminRoutes admin = new AdminRoutes(store, log, limiter);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            32,
            r -> {
              Thread t = new Thread(r, "cspctl-emulator");
              t.setDaemon(true);
              return t;
            });
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(address(config), config.port()), 128);
      ScriptedFaults scripted = new ScriptedFaults();
      server.createContext(
          "/",
          new HttpFront(
              config,
              router,
              limiter,
              faults,
              log,
              admin,
              () -> store.locked(EmulatorState::projectUid),
              scripted));
      server.setExecutor(executor);
      server.start();
      return new Emulator(config, server, executor, store, log, limiter, admin, history, scripted);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException(
          "Cannot bind the emulator to " + address(config).getHostAddress() + ":" + config.port(),
          e);
    }
  }

  private static EmulatorState fresh(EmulatorConfig config) {
    EmulatorState s = Seeds.fresh(config.entriesFile());
    s.formatVersion = 2;
    if (!config.withoutProject()) s.project = Projects.seed(config.credentials());
    return s;
  }

  private static InetAddress address(EmulatorConfig config) {
    return config.listen() == null ? InetAddress.getLoopbackAddress() : config.listen();
  }

  /**
   * The address the server listens on (the loopback address unless {@code --listen} said
   * otherwise).
   */
  public InetAddress listenAddress() {
    return server.getAddress().getAddress();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * {@code http://127.0.0.1:PORT} when bound to the loopback or every address; else the bound
   * address ({@code http://ADDR:PORT}, IPv6 in brackets).
   */
  public String baseUrl() {
    InetAddress a = listenAddress();
    if (a.isLoopbackAddress() || a.isAnyLocalAddress()) return "http://127.0.0.1:" + port();
    String host = a.getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  /** Personalize Management API base: same as {@link #baseUrl()}. */
  public String personalizeUrl() {
    return baseUrl();
  }

  /** CMA base: {@code http://127.0.0.1:PORT/v3}. */
  public String cmaUrl() {
    return baseUrl() + "/v3";
  }

  public AcceptedCredentials credentials() {
    return config.credentials();
  }

  public EmulatorConfig config() {
    return config;
  }

  /** Faults on chosen requests, for tests. */
  public ScriptedFaults scriptedFaults() {
    return scripted;
  }

  /** Every version status change so far, in order. */
  public List<VersionHistory.Transition> versionTransitions() {
    return history.transitions();
  }

  /** Requests so far (method, path, status, ms, fault, names of credential headers present). */
  public List<RequestLog.Entry> requestLog() {
    return log.entries();
  }

  /** The whole state as pretty JSON (same as GET /_emulator/state). */
  public String stateDump() {
    return store.dump();
  }

  /** bucket -> {requests, throttled} (same as GET /_emulator/counters). */
  public Map<String, Map<String, Long>> counters() {
    return limiter.counters();
  }

  /** Published version of a base entry (variantUid null) or entry variant, if any. */
  public OptionalInt publishedVersion(
      String ct, String entry, String locale, String variantUid, String env) {
    return store.locked(
        s -> {
          ObjectNode p =
              s.published.get(EmulatorState.publishKey(ct, entry, locale, variantUid, env));
          return p == null ? OptionalInt.empty() : OptionalInt.of(p.path("version").asInt());
        });
  }

  /** Saves the state atomically (temp file, fsync, atomic rename). */
  public void save(Path file) {
    store.locked(
        s -> {
          StateFile.save(s, file);
          return null;
        });
  }

  /** Saves to {@code config.stateFile()}; throws IllegalStateException when none is configured. */
  public void save() {
    if (config.stateFile() == null) {
      throw new IllegalStateException("no state file configured");
    }
    save(config.stateFile());
  }

  /**
   * Adds the publishing environments and locales the stack lacks (the sandbox gives a user's stack
   * the ones their cspctl.yaml names, as a real stack set up for them would have).
   */
  public void ensureStackSettings(
      java.util.Collection<String> environments, java.util.Collection<String> locales) {
    store.locked(
        s -> {
          for (String name : environments)
            s.environments.computeIfAbsent(name, n -> StackSettings.environment(Ids.blt(), n));
          for (String code : locales)
            s.locales.computeIfAbsent(code, c -> StackSettings.locale(Ids.blt(), c));
          return null;
        });
  }

  /** Back to the seeded state; clears the request log and counters. */
  public void reset() {
    admin.reset();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
