package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark at the default size (10 attributes, 10 events, 30 audiences, 50 experiences x 4
 * variants x 5 entries = 1,000 entry variants), 300 ms latency, real rate limits. Not matched by
 * surefire's default includes and tagged {@code bench}; run it with
 * {@code ./mvnw -B -o -Pbench test -Dtest=Benchmark} (sizes via {@code -Dbench.experiences=...},
 * {@code -Dbench.latencyMs=...}, {@code -Dbench.naive=false}; see docs/performance.md). Figures
 * are printed, never asserted, except that a plan with no changes writes nothing.
 */
@Tag("bench")
class Benchmark {
  @TempDir Path work;

  @Test
  void benchmark() throws IOException {
    // One INFO line per request would bury the figures; -Dbench.httpLog=INFO brings them back.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("cspctl.http"))
        .setLevel(ch.qos.logback.classic.Level.toLevel(System.getProperty("bench.httpLog", "WARN")));
    ObjectNode json = new BenchmarkRunner(BenchmarkRunner.Settings.fromProperties(BenchProject.defaults(), 300, true), work,
        System.out).run();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/benchmark.json"), json.toString() + "\n");
    assertThat(json.at("/phases/planNoChanges/writes").asLong()).isZero();
  }
}
