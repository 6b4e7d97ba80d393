package dev.cspctl.cli;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.Credentials;
import dev.cspctl.api.Region;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.emulator.SandboxCredentials;
import dev.cspctl.spec.ProjectConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The live project a command talks to: the real APIs (region or URLs, credentials from the
 * environment) or the embedded sandbox (the emulator on a free loopback port, state kept in {@code
 * .cspctl/sandbox.json} inside the spec folder). Either way the same HTTP clients run.
 */
public final class Target implements AutoCloseable {
  public static final Path SANDBOX_STATE = Path.of(".cspctl", "sandbox.json");
  static final String ENV_SANDBOX_STATE = "CSPCTL_SANDBOX_STATE";

  private final ContentstackClients clients;
  private final Emulator sandbox;
  private final Path sandboxState;
  private final String description;
  private final StateFileLock lock;
  private final TargetIdentity identity;

  private Target(
      ContentstackClients clients,
      Emulator sandbox,
      Path sandboxState,
      String description,
      StateFileLock lock,
      TargetIdentity identity) {
    this.identity = identity;
    this.clients = clients;
    this.sandbox = sandbox;
    this.sandboxState = sandboxState;
    this.description = description;
    this.lock = lock;
  }

  public ContentstackClients clients() {
    return clients;
  }

  public String description() {
    return description;
  }

  /** The Personalize project uid this target talks to (named in the ownership marker). */
  public String projectUid() {
    return identity.project();
  }

  /** What this target is, for a saved plan to record and for {@code apply PLAN} to compare. */
  TargetIdentity identity() {
    return identity;
  }

  public boolean isSandbox() {
    return sandbox != null;
  }

  /** The running sandbox emulator, if any (tests and the README tour edit it directly). */
  public Emulator sandbox() {
    return sandbox;
  }

  static Target open(
      GlobalOptions global,
      Map<String, String> env,
      ProjectConfig project,
      TransportConfig transport) {
    return open(global, env, project, transport, new TargetChoice(null));
  }

  /**
   * The chosen target's project: its settings from cspctl.yaml, its variables from the environment
   * (TargetChoice).
   */
  static Target open(
      GlobalOptions global,
      Map<String, String> rawEnv,
      ProjectConfig project,
      TransportConfig transport,
      TargetChoice choice) {
    Map<String, String> env = choice.environment(rawEnv);
    boolean sandbox =
        global.sandbox
            || "1".equals(env.get("CSPCTL_SANDBOX"))
            || "true".equalsIgnoreCase(env.get("CSPCTL_SANDBOX"));
    String apiKey =
        first(env.get(Credentials.ENV_API_KEY), project == null ? null : project.stack());
    String projectUid =
        first(env.get(Credentials.ENV_PROJECT_UID), project == null ? null : project.project());
    String branch = project == null ? null : project.branch();
    if (sandbox) {
      Target t =
          openSandbox(apiKey, projectUid, branch, transport, env, flags(global), specDir(project));
      if (project != null)
        t.sandbox.ensureStackSettings(
            project.publish().environments(), project.publish().locales());
      return t;
    }
    Credentials credentials;
    ApiEndpoints endpoints;
    try {
      String region =
          first(
              global.region,
              env.get(ApiEndpoints.ENV_REGION),
              project == null ? null : project.region(),
              "na");
      endpoints =
          ApiEndpoints.resolve(
              Region.parse(region),
              first(global.personalizeUrl, env.get(ApiEndpoints.ENV_PERSONALIZE_URL)),
              first(global.cmaUrl, env.get(ApiEndpoints.ENV_CMA_URL)));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    try {
      credentials = Credentials.fromEnvironment(env).withTargetDefaults(apiKey, projectUid, branch);
      if (credentials.projectFromStack()) {
        credentials =
            credentials.withProjectUid(
                ProjectFromStack.find(credentials, endpoints, transport, global.notices));
      }
      credentials = credentials.requireComplete();
    } catch (IllegalStateException e) {
      throw new UserException(
          choice.named()
              ? "target '"
                  + choice.name()
                  + "': "
                  + e.getMessage()
                  + " (per target: the same"
                  + " names with the suffix __"
                  + TargetChoice.suffix(choice.name())
                  + ", e.g. CONTENTSTACK_AUTHTOKEN__"
                  + TargetChoice.suffix(choice.name())
                  + "; the stack and project come from its targets: entry or "
                  + "CONTENTSTACK_API_KEY__"
                  + TargetChoice.suffix(choice.name())
                  + " / CONTENTSTACK_PERSONALIZE_PROJECT_UID__"
                  + TargetChoice.suffix(choice.name())
                  + ")"
              : e.getMessage());
    }
    ContentstackClients clients = ContentstackClients.create(credentials, endpoints, transport);
    TargetIdentity identity =
        new TargetIdentity(
            false,
            endpoints.personalizeBase().toString(),
            endpoints.cmaBase().toString(),
            credentials.projectUid(),
            credentials.apiKey(),
            credentials.branch(),
            null,
            flags(global));
    return new Target(
        clients,
        null,
        null,
        choice.label().map(n -> "target " + n + ": ").orElse("")
            + "project "
            + credentials.projectUid()
            + " at "
            + endpoints.personalizeBase(),
        null,
        identity);
  }

  static boolean sandboxRequested(GlobalOptions global, Map<String, String> env) {
    return global.sandbox
        || "1".equals(env.get("CSPCTL_SANDBOX"))
        || "true".equalsIgnoreCase(env.get("CSPCTL_SANDBOX"));
  }

  private static Target openSandbox(
      String apiKey,
      String projectUid,
      String branch,
      TransportConfig transport,
      Map<String, String> env,
      java.util.List<String> flags,
      Path specDir) {
    String key = first(apiKey, SandboxCredentials.API_KEY);
    String project = first(projectUid, SandboxCredentials.PROJECT_UID);
    Path state = sandboxState(specDir, env);
    try {
      if (state.getParent() != null) Files.createDirectories(state.getParent());
    } catch (IOException e) {
      throw new UserException(
          "cannot create " + state.getParent() + " for the sandbox state: " + e.getMessage());
    }
    StateFileLock lock = StateFileLock.forSandbox(state, message -> System.err.println(message));
    dev.cspctl.emulator.AcceptedCredentials accepted =
        new dev.cspctl.emulator.AcceptedCredentials(
            SandboxCredentials.AUTHTOKEN,
            SandboxCredentials.OAUTH_TOKEN,
            SandboxCredentials.MANAGEMENT_TOKEN,
            key,
            project,
            SandboxCredentials.EMAIL,
            SandboxCredentials.PASSWORD,
            null);
    long cmsDelay = parseLong(env.get("CSPCTL_SANDBOX_CMS_DELAY_MS"), 200);
    Emulator emulator =
        Emulator.start(
            EmulatorConfig.builder()
                .port(0)
                .credentials(accepted)
                .cmsDelayMs(cmsDelay)
                .stateFile(Files.exists(state) ? state : null)
                .build());
    Credentials credentials = sandboxCredentials(key, project, branch);
    ContentstackClients clients =
        ContentstackClients.create(
            credentials, ApiEndpoints.of(emulator.personalizeUrl(), emulator.cmaUrl()), transport);
    TargetIdentity identity =
        new TargetIdentity(
            true,
            null,
            null,
            project,
            key,
            branch,
            state.toAbsolutePath().normalize().toString(),
            flags);
    return new Target(
        clients,
        emulator,
        state,
        "sandbox " + emulator.baseUrl() + " (state in " + state + ")",
        lock,
        identity);
  }

  /** The spec folder of a loaded cspctl.yaml (the folder its origin names). */
  private static Path specDir(ProjectConfig project) {
    if (project == null || project.origin() == null) return Path.of(".");
    Path parent = Path.of(project.origin().file()).getParent();
    return parent == null ? Path.of(".") : parent;
  }

  /**
   * Where the sandbox of a spec folder keeps its state: {@code DIR/.cspctl/sandbox.json}, the same
   * from any working directory; {@code CSPCTL_SANDBOX_STATE} names another file.
   */
  static Path sandboxState(Path specDir, Map<String, String> env) {
    String override = env.get(ENV_SANDBOX_STATE);
    return override != null && !override.isBlank()
        ? Path.of(override)
        : specDir.resolve(SANDBOX_STATE);
  }

  /**
   * The flags of this command line that select the target (not the environment, which CI keeps the
   * same).
   */
  private static java.util.List<String> flags(GlobalOptions global) {
    java.util.List<String> f = new java.util.ArrayList<>();
    if (global.sandbox) f.add("--sandbox");
    if (global.region != null) f.addAll(java.util.List.of("--region", global.region));
    if (global.personalizeUrl != null)
      f.addAll(java.util.List.of("--personalize-url", global.personalizeUrl));
    if (global.cmaUrl != null) f.addAll(java.util.List.of("--cma-url", global.cmaUrl));
    return f;
  }

  /**
   * What a client sends to the sandbox: its fixed authtoken and management token, for this stack
   * and project.
   */
  public static Credentials sandboxCredentials(String apiKey, String projectUid, String branch) {
    return new Credentials(
        SandboxCredentials.AUTHTOKEN,
        null,
        null,
        null,
        null,
        SandboxCredentials.MANAGEMENT_TOKEN,
        apiKey,
        projectUid,
        branch);
  }

  /** Sandbox credentials for the default sandbox stack and project. */
  public static Credentials sandboxCredentials() {
    return sandboxCredentials(SandboxCredentials.API_KEY, SandboxCredentials.PROJECT_UID, null);
  }

  private static long parseLong(String s, long fallback) {
    try {
      return s == null ? fallback : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  static String first(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v;
    return null;
  }

  /** Saves the sandbox state (atomically) and closes everything. */
  @Override
  public void close() {
    try {
      clients.close();
    } finally {
      if (sandbox != null) {
        try {
          sandbox.save(sandboxState);
        } finally {
          sandbox.close();
          lock.close();
        }
      }
    }
  }
}
