package dev.cspctl.apply;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.Credentials;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanOptions;
import dev.cspctl.plan.Planner;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.ReadScope;
import dev.cspctl.state.StateReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/** An emulator plus real HTTP clients, planner and applier: the end-to-end harness. */
final class E2E implements AutoCloseable {
  final Emulator emulator;
  final ContentstackClients clients;

  E2E(EmulatorConfig.Builder config, TransportConfig transport) {
    emulator = Emulator.start(config.port(0).build());
    Credentials credentials = dev.cspctl.cli.Target.sandboxCredentials();
    clients =
        ContentstackClients.create(
            credentials, ApiEndpoints.of(emulator.personalizeUrl(), emulator.cmaUrl()), transport);
  }

  /** Realistic: _cms delay, rate limits on both sides. */
  static E2E realistic() {
    return new E2E(
        EmulatorConfig.builder().cmsDelayMs(100).rateLimit(true), TransportConfig.defaults());
  }

  /** Fast: no delay, generous client limits, quick retries. */
  static E2E fast(String faults, long seed) {
    return new E2E(
        EmulatorConfig.builder().cmsDelayMs(0).faults(faults).seed(seed),
        TransportConfig.defaults()
            .withRates(2000, 2000, 2000, 2000, 1000)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withRetries(4, Duration.ofMillis(1), Duration.ofMillis(10), seed));
  }

  static DesiredState load(Path dir) {
    return new SpecLoader().load(dir);
  }

  static ReadScope scope(DesiredState d) {
    return dev.cspctl.plan.ReadScopes.of(d);
  }

  LiveState read(DesiredState d) {
    return new StateReader(clients.personalize(), clients.cma()).read(scope(d));
  }

  Plan plan(DesiredState d, boolean prune) {
    return new Planner().plan(d, read(d), new PlanOptions(prune, Set.of()));
  }

  ApplyResult apply(DesiredState d, boolean prune) {
    return apply(d, new PlanOptions(prune, Set.of()));
  }

  /** Live-like: _cms delay, latency, the real rate limits on both sides. */
  static E2E liveLike(EmulatorConfig.Builder config) {
    return new E2E(
        config.cmsDelayMs(200).latencyMs(20).rateLimit(true), TransportConfig.defaults());
  }

  ApplyResult apply(DesiredState d, PlanOptions options) {
    LiveState live = read(d);
    Plan plan = new Planner().plan(d, live, options);
    return apply(plan, live, d);
  }

  ApplyResult apply(Plan plan, LiveState live, DesiredState d) {
    return new Applier(
            clients.personalize(), clients.cma(), d.project().publish(), Duration.ofSeconds(20), 8)
        .apply(plan, live, ProgressListener.NONE);
  }

  /** Copies the example specs to a folder a test may edit. */
  /**
   * The examples' Mobile variant, with a new variant Frequent (audience Frequent visitors, one
   * entry) before it.
   */
  static final String FREQUENT_THEN_MOBILE =
      """
        - name: Frequent
          audiences: [Frequent visitors]
          content:
            - contentType: hero_banner
              entry: blt0123456789abcdef
              fields:
                title: Good to see you again
        - name: Mobile
      """;

  static Path copyExamples(Path to) {
    try (Stream<Path> files = Files.walk(Path.of("specs"))) {
      for (Path f : files.toList()) {
        Path target = to.resolve(Path.of("specs").relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(target);
        else Files.copy(f, target);
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void edit(Path file, String from, String to) {
    try {
      String s = Files.readString(file);
      if (!s.contains(from)) throw new IllegalArgumentException(file + " does not contain " + from);
      Files.writeString(file, s.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    clients.close();
    emulator.close();
  }
}
