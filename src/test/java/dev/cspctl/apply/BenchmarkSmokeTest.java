package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's quick sizes in the regular suite: they complete and end with their JSON line.
 * Timings are not checked.
 */
class BenchmarkSmokeTest {
  @TempDir Path work;

  @Test
  void quickBenchmarkCompletesAndEndsWithOneJsonLine() throws Exception {
    JsonNode json = run(BenchProject.quick(), true);
    assertThat(json.has("naiveOverCspctl")).isTrue();
    assertThat(json.at("/naiveApplyFromEmpty/criticalPathSeconds").asDouble()).isPositive();
  }

  @Test
  void quickSharedEntriesWorkloadCompletes() throws Exception {
    JsonNode json = run(BenchProject.quickShared(), false);
    assertThat(json.at("/settings/entries").asInt()).isEqualTo(2);
    assertThat(json.at("/settings/entryVariants").asInt()).isEqualTo(16);
  }

  private JsonNode run(BenchProject size, boolean naive) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    new BenchmarkRunner(
            new BenchmarkRunner.Settings(size, 10, 50, 8, 4, naive),
            work,
            new PrintStream(buffer, true, StandardCharsets.UTF_8))
        .run();
    String printed = buffer.toString(StandardCharsets.UTF_8);
    System.out.print(printed);
    String[] lines = printed.strip().lines().toArray(String[]::new);
    JsonNode json = BenchmarkRunner.M.readTree(lines[lines.length - 1]);
    assertThat(json.path("phases").size()).isEqualTo(4);
    assertThat(json.path("convergedAfter10pct").asBoolean()).isTrue();
    assertThat(json.at("/phases/planNoChanges/writes").asLong()).isZero();
    JsonNode apply = json.at("/phases/applyFromEmpty");
    // read: /experiences then one experience's /versions; apply: at least create, version, _cms,
    // content, publish
    assertThat(apply.path("readCriticalPathSeconds").asDouble()).isGreaterThanOrEqualTo(0.01);
    assertThat(apply.path("applyCriticalPathSeconds").asDouble()).isGreaterThanOrEqualTo(0.05);
    assertThat(apply.path("ratioBoundPlusCriticalPath").asDouble()).isPositive();
    return json;
  }
}
