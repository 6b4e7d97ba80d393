package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's quick size in the regular suite: it completes and ends with its JSON line. Timings are not checked. */
class BenchmarkSmokeTest {
  @TempDir Path work;

  @Test
  void quickBenchmarkCompletesAndEndsWithOneJsonLine() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    new BenchmarkRunner(new BenchmarkRunner.Settings(BenchProject.quick(), 10, 50, 8, 4, true), work,
        new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
    String printed = buffer.toString(StandardCharsets.UTF_8);
    System.out.print(printed);
    String[] lines = printed.strip().split("\n");
    var json = BenchmarkRunner.M.readTree(lines[lines.length - 1]);
    assertThat(json.path("phases").size()).isEqualTo(4);
    assertThat(json.path("convergedAfter10pct").asBoolean()).isTrue();
    assertThat(json.at("/phases/planNoChanges/writes").asLong()).isZero();
    assertThat(json.has("naiveOverCspctl")).isTrue();
  }
}
