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
 * The benchmark's two workloads at 300 ms latency and the real rate limits: the large one (10
 * attributes, 10 events, 30 audiences, 50 experiences x 4 variants x 5 entries of their own = 1,000
 * entry variants) and shared entries (10 attributes, 10 events, 20 audiences, 20 experiences x 3
 * variants writing the same 3 entries = 180 entry variants). Not matched by surefire's default
 * includes and tagged {@code bench}; run both with {@code ./mvnw -B -o -Pbench test
 * -Dtest=Benchmark}, one with {@code -Dtest=Benchmark#large} or {@code #sharedEntries} (sizes via
 * {@code -Dbench.experiences=...}, {@code -Dbench.latencyMs=...}, {@code -Dbench.naive=false}; see
 * docs/performance.md). Figures are printed, never asserted, except that a plan with no changes
 * writes nothing.
 */
@Tag("bench")
class Benchmark {
  @TempDir Path work;

  @Test
  void large() throws IOException {
    run(BenchProject.defaults(), "target/benchmark.json");
  }

  @Test
  void sharedEntries() throws IOException {
    run(BenchProject.shared(), "target/benchmark-shared.json");
  }

  private void run(BenchProject workload, String jsonFile) throws IOException {
    ObjectNode json =
        new BenchmarkRunner(
                BenchmarkRunner.Settings.fromProperties(workload, 300, true), work, System.out)
            .run();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of(jsonFile), json.toString() + "\n");
    assertThat(json.at("/phases/planNoChanges/writes").asLong()).isZero();
  }
}
