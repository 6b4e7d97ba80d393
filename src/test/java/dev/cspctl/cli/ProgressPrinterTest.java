package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.apply.StepOutcome;
import dev.cspctl.plan.Step;
import dev.cspctl.plan.StepType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  static Step step(String id) {
    return dev.cspctl.plan.TestSteps.described(
        "create_attribute:" + id, StepType.CREATE_ATTRIBUTE, id, "create attribute " + id);
  }

  final Step a = step("a");
  final Step b = step("b");
  final Step c = step("c");

  @Test
  void stepsAreNumberedAsThePlanListedThemNotInCompletionOrder() {
    StringWriter text = new StringWriter();
    try (ProgressPrinter p = new ProgressPrinter(new PrintWriter(text), false, List.of(a, b, c))) {
      p.started(a, 1, 3);
      p.started(b, 2, 3);
      p.started(c, 3, 3);
      p.finished(new StepOutcome(c, StepOutcome.Status.DONE, "", 5), 1, 3);
      p.finished(new StepOutcome(a, StepOutcome.Status.FAILED, "boom", 6), 2, 3);
      p.finished(new StepOutcome(b, StepOutcome.Status.SKIPPED, "failed dependency", 0), 3, 3);
    }
    assertThat(text.toString().lines())
        .containsExactly(
            "[3/3] done: create attribute c (5 ms)",
            "[1/3] FAILED: create attribute a (6 ms)",
            "[2/3] skipped: create attribute b (0 ms)");
  }

  @Test
  void aLongStepPrintsStillWaitingLinesEveryInterval() throws Exception {
    StringWriter text = new StringWriter();
    try (ProgressPrinter p =
        new ProgressPrinter(new PrintWriter(text), false, List.of(a, b), Duration.ofMillis(300))) {
      p.started(b, 1, 2);
      Thread.sleep(1050);
      p.finished(new StepOutcome(b, StepOutcome.Status.DONE, "", 1050), 1, 2);
      Thread.sleep(400);
    }
    List<String> lines = text.toString().lines().toList();
    // under load a tick can come late; it then reports the whole intervals passed, never a line per
    // tick
    assertThat(lines).first().isEqualTo("[2/2] still waiting (0.3 s): create attribute b…");
    assertThat(lines.subList(0, lines.size() - 1))
        .hasSizeGreaterThanOrEqualTo(2)
        .allMatch(
            l ->
                l.matches(
                    "\\[2/2\\] still waiting \\((0\\.[369]|1\\.[258]|2\\.[147]) s\\): create attribute b…"));
    assertThat(lines).last().isEqualTo("[2/2] done: create attribute b (1050 ms)");
  }

  @Test
  void aBlockingWaitIsNotSilent() throws Exception {
    StringWriter text = new StringWriter();
    try (WaitNotice n =
        new WaitNotice(new PrintWriter(text), "for the project lock", Duration.ofMillis(200))) {
      Thread.sleep(500);
    }
    assertThat(text.toString().lines())
        .first()
        .isEqualTo("still waiting (0.2 s) for the project lock…");
    assertThat(text.toString().lines())
        .allMatch(l -> l.matches("still waiting \\([0-9.]+ s\\) for the project lock…"));
  }
}
