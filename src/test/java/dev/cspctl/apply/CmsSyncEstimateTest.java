package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CmsSyncEstimateTest {
  @Test
  void theFirstSyncIsPolledAtOnceLaterOnesJustBeforeTheShortestSeen() {
    CmsSyncEstimate e = new CmsSyncEstimate();
    assertThat(e.firstPollDelay(Duration.ZERO)).isZero();
    e.observe(Duration.ofSeconds(1));
    e.observe(Duration.ofMillis(500));
    e.observe(Duration.ofMillis(700));
    assertThat(e.firstPollDelay(Duration.ZERO)).isEqualTo(Duration.ofMillis(400));
    assertThat(e.firstPollDelay(Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(100));
    assertThat(e.firstPollDelay(Duration.ofMillis(450))).isZero();
  }
}
