package dev.cspctl.emulator;

import java.nio.file.Path;

/**
 * Emulator settings. {@code EmulatorConfig.builder().port(0).build()} gives a fast, fault-free
 * emulator with sandbox credentials.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param credentials accepted credentials
 * @param latencyMs fixed extra latency per API request
 * @param rateLimit enforce the real rate limits (429 + Retry-After)
 * @param faults fault spec like {@code 500:0.05,429:0.05,reset:0.02,drop:0.05,latency-spike:0.01}
 * @param seed seed for the fault schedule
 * @param cmsDelayMs delay before the asynchronous _cms sync
 * @param entriesFile JSON seed of content types and entries (null: built-in default)
 * @param stateFile state to load at start (null: fresh)
 * @param quotas enforce the documented default quotas
 * @param latencySpikeMs extra latency of a "latency-spike" fault
 * @param regenerateCmsOnActivation [inf] the first activation of an experience mints new CMS
 *     variant uids (contentstack-api.md §5: it "may"); off by default, on to test the re-read
 * @param refuseDraftBesideActive [inf] POST of a new version is refused while a version is ACTIVE
 *     (the documented service allows a draft beside the active version: §14); off by default
 * @param withoutProject start with no Personalize project (as a stack not yet connected): only
 *     {@code GET/POST /projects} work until one is created, whose uid requests then carry
 * @param listen address to bind (null: the loopback address)
 * @param stalePriorityUids [inf] a deleted experience's uid stays in the priority list, and a
 *     priority PUT must still hold it (contentstack-api.md §14: the live API "can still 400" for
 *     such a stale reference); off by default
 */
public record EmulatorConfig(
    int port,
    AcceptedCredentials credentials,
    long latencyMs,
    boolean rateLimit,
    String faults,
    long seed,
    long cmsDelayMs,
    Path entriesFile,
    Path stateFile,
    boolean quotas,
    long latencySpikeMs,
    boolean regenerateCmsOnActivation,
    boolean refuseDraftBesideActive,
    boolean withoutProject,
    java.net.InetAddress listen,
    boolean stalePriorityUids) {

  /** Delay used by "realistic" mode for the _cms sync. */
  public static final long REALISTIC_CMS_DELAY_MS = 300;

  public static Builder builder() {
    return new Builder();
  }

  public static EmulatorConfig defaults() {
    return builder().build();
  }

  /** Mutable builder; every setter returns this. */
  public static final class Builder {
    private int port;
    private AcceptedCredentials credentials = AcceptedCredentials.sandbox();
    private long latencyMs;
    private boolean rateLimit;
    private String faults = "";
    private long seed = 1;
    private long cmsDelayMs;
    private Path entriesFile;
    private Path stateFile;
    private boolean quotas = true;
    private long latencySpikeMs = 1500;
    private boolean regenerateCmsOnActivation;
    private boolean refuseDraftBesideActive;
    private boolean withoutProject;
    private java.net.InetAddress listen;
    private boolean stalePriorityUids;

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder credentials(AcceptedCredentials v) {
      credentials = v;
      return this;
    }

    public Builder latencyMs(long v) {
      latencyMs = v;
      return this;
    }

    public Builder rateLimit(boolean v) {
      rateLimit = v;
      return this;
    }

    public Builder faults(String v) {
      faults = v == null ? "" : v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder cmsDelayMs(long v) {
      cmsDelayMs = v;
      return this;
    }

    public Builder entriesFile(Path v) {
      entriesFile = v;
      return this;
    }

    public Builder stateFile(Path v) {
      stateFile = v;
      return this;
    }

    public Builder quotas(boolean v) {
      quotas = v;
      return this;
    }

    public Builder latencySpikeMs(long v) {
      latencySpikeMs = v;
      return this;
    }

    public Builder regenerateCmsOnActivation(boolean v) {
      regenerateCmsOnActivation = v;
      return this;
    }

    public Builder refuseDraftBesideActive(boolean v) {
      refuseDraftBesideActive = v;
      return this;
    }

    public Builder withoutProject(boolean v) {
      withoutProject = v;
      return this;
    }

    public Builder listen(java.net.InetAddress v) {
      listen = v;
      return this;
    }

    public Builder stalePriorityUids(boolean v) {
      stalePriorityUids = v;
      return this;
    }

    /** Realistic mode: CMS sync delay, rate limits on. */
    public Builder realistic() {
      cmsDelayMs = REALISTIC_CMS_DELAY_MS;
      rateLimit = true;
      return this;
    }

    public EmulatorConfig build() {
      return new EmulatorConfig(
          port,
          credentials,
          latencyMs,
          rateLimit,
          faults,
          seed,
          cmsDelayMs,
          entriesFile,
          stateFile,
          quotas,
          latencySpikeMs,
          regenerateCmsOnActivation,
          refuseDraftBesideActive,
          withoutProject,
          listen,
          stalePriorityUids);
    }
  }
}
