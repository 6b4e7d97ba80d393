package dev.cspctl.apply;

import static dev.cspctl.apply.RecordingApisAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.apply.StepResult.Done;
import dev.cspctl.apply.StepResult.ExperienceWritten;
import dev.cspctl.plan.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriorityStepUnitTest {
  private final StepHarness h = new StepHarness();

  @Test
  void thePlansOrderGoesFirstThenEveryOtherExperienceInItsLiveOrder() {
    String x = h.experience("X");
    String y = h.experience("Y");
    String z = h.experience("Z");
    h.planned();
    String created = h.experience("New"); // created by this apply: known only from its ancestor
    h.apis.clearCalls();
    StepResult r =
        h.run(
            new Op.SetPriority(List.of("Z", "New", "Unknown")),
            new ExperienceWritten("New", created, null, ""));
    assertThat(r).isEqualTo(new Done("set 4 experiences"));
    assertThat(h.apis)
        .calls()
        .containsExactly(
            "getPriority()",
            "listExperiences()",
            "setPriority(" + String.join(",", z, created, x, y) + ")");
  }

  @Test
  void anOrderAlreadyInPlaceIsNotWritten() {
    h.experience("X");
    h.experience("Y");
    h.planned();
    assertThat(h.run(new Op.SetPriority(List.of("X")))).isEqualTo(new Done("already in order"));
    assertThat(h.apis).neverCalled("setPriority");
  }
}
