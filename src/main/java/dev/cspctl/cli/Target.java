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
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The live project a command talks to: the real APIs (region or URLs, credentials from the
 * environment) or the embedded sandbox (the emulator on a free loopback port, state kept in
 * {@code .cspctl/sandbox.json}). Either way the same HTTP clients run.
 */
public final class Target implements AutoCloseable {
  public static final Path SANDBOX_STATE = Path.of(".cspctl", "sandbox.json");

  private final ContentstackClients clients;
  private final Emulator sandbox;
  private final Path sandboxState;
  private final String description;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private Target(ContentstackClients clients, Emulator sandbox, Path sandboxState, String description, FileChannel lockChannel,
      FileLock lock) {
    this.clients = clients;
    this.sandbox = sandbox;
    this.sandboxState = sandboxState;
    this.description = description;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  public ContentstackClients clients() {
    return clients;
  }

  public String description() {
    return description;
  }

  public boolean isSandbox() {
    return sandbox != null;
  }

  /** The running sandbox emulator, if any (tests and the README tour edit it directly). */
  public Emulator sandbox() {
    return sandbox;
  }

  static Target open(GlobalOptions global, Map<String, String> env, ProjectConfig project, TransportConfig transport) {
    boolean sandbox = global.sandbox || "1".equals(env.get("CSPCTL_SANDBOX")) || "true".equalsIgnoreCase(env.get("CSPCTL_SANDBOX"));
    String apiKey = first(env.get(Credentials.ENV_API_KEY), project == null ? null : project.stack());
    String projectUid = first(env.get(Credentials.ENV_PROJECT_UID), project == null ? null : project.project());
    String branch = project == null ? null : project.branch();
    if (sandbox) return openSandbox(apiKey, projectUid, branch, transport, env);
    Credentials credentials;
    ApiEndpoints endpoints;
    try {
      String region = first(global.region, env.get(ApiEndpoints.ENV_REGION), project == null ? null : project.region(), "na");
      endpoints = ApiEndpoints.resolve(Region.parse(region),
          first(global.personalizeUrl, env.get(ApiEndpoints.ENV_PERSONALIZE_URL)),
          first(global.cmaUrl, env.get(ApiEndpoints.ENV_CMA_URL)));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    try {
      credentials = Credentials.fromEnvironment(env).withTargetDefaults(apiKey, projectUid, branch);
      if (credentials.projectFromStack()) {
        credentials = credentials.withProjectUid(ProjectFromStack.find(credentials, endpoints, transport, global.notices));
      }
      credentials = credentials.requireComplete();
    } catch (IllegalStateException e) {
      throw new UserException(e.getMessage());
    }
    ContentstackClients clients = ContentstackClients.create(credentials, endpoints, transport);
    return new Target(clients, null, null, "project " + credentials.projectUid() + " at " + endpoints.personalizeBase(), null, null);
  }

  private static Target openSandbox(String apiKey, String projectUid, String branch, TransportConfig transport,
      Map<String, String> env) {
    String key = first(apiKey, SandboxCredentials.API_KEY);
    String project = first(projectUid, SandboxCredentials.PROJECT_UID);
    Path state = Path.of(first(env.get("CSPCTL_SANDBOX_STATE"), SANDBOX_STATE.toString()));
    try {
      if (state.getParent() != null) Files.createDirectories(state.getParent());
    } catch (IOException e) {
      throw new UserException("cannot create " + state.getParent() + " for the sandbox state: " + e.getMessage());
    }
    // One cspctl at a time per sandbox: each runs its own in-process emulator over the same
    // state file, so without the lock the last to save would win and updates would be lost.
    FileChannel channel;
    FileLock lock;
    try {
      Path lockFile = state.resolveSibling(state.getFileName() + ".lock");
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = channel.tryLock();
      if (lock == null) {
        System.err.println("Waiting for another cspctl that is using the sandbox (" + lockFile + ")...");
        lock = channel.lock();
      }
    } catch (IOException e) {
      throw new UserException("cannot lock the sandbox state " + state + ": " + e.getMessage());
    }
    dev.cspctl.emulator.Credentials accepted = new dev.cspctl.emulator.Credentials(SandboxCredentials.AUTHTOKEN,
        SandboxCredentials.OAUTH_TOKEN, SandboxCredentials.MANAGEMENT_TOKEN, key, project, SandboxCredentials.EMAIL,
        SandboxCredentials.PASSWORD, null);
    long cmsDelay = parseLong(env.get("CSPCTL_SANDBOX_CMS_DELAY_MS"), 200);
    Emulator emulator = Emulator.start(EmulatorConfig.builder().port(0).credentials(accepted).cmsDelayMs(cmsDelay)
        .stateFile(Files.exists(state) ? state : null).build());
    Credentials credentials = sandboxCredentials(key, project, branch);
    ContentstackClients clients = ContentstackClients.create(credentials,
        ApiEndpoints.of(emulator.personalizeUrl(), emulator.cmaUrl()), transport);
    return new Target(clients, emulator, state, "sandbox " + emulator.baseUrl() + " (state in " + state + ")", channel, lock);
  }

  /** What a client sends to the sandbox: its fixed authtoken and management token, for this stack and project. */
  public static Credentials sandboxCredentials(String apiKey, String projectUid, String branch) {
    return new Credentials(SandboxCredentials.AUTHTOKEN, null, null, null, null, SandboxCredentials.MANAGEMENT_TOKEN, apiKey,
        projectUid, branch);
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

  private void releaseLock() {
    try {
      if (lock != null) lock.release();
      if (lockChannel != null) lockChannel.close();
    } catch (IOException e) {
      // the OS releases the lock when the process ends
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
          releaseLock();
        }
      }
    }
  }
}
