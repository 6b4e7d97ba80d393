package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without git (the Docker image has none), a plan records the commit CI names. */
class PlanCommitTest {
  @TempDir Path notARepository;

  @Test
  void fallsBackToCiCommitSha() {
    String sha = "0123456789abcdef0123456789abcdef01234567";
    assertThat(SavedPlan.commit(notARepository, Map.of("CI_COMMIT_SHA", sha))).isEqualTo(sha);
    assertThat(SavedPlan.commit(notARepository, Map.of("CI_COMMIT_SHA", "not a sha"))).isNull();
    assertThat(SavedPlan.commit(notARepository, Map.of())).isNull();
  }

  @Test
  void theMarkdownPlanNamesTheTargetAndCommit() {
    TargetIdentity eu =
        new TargetIdentity(
            false,
            "https://eu-personalize-api.contentstack.com",
            "https://eu-api.contentstack.com",
            "65f0c0ffee0123456789abcd",
            "blt0123456789abcdef",
            null,
            null,
            java.util.List.of());
    assertThat(eu.madeFor("0123456789abcdef0123456789abcdef01234567"))
        .isEqualTo(
            "Made for project `65f0c0ffee0123456789abcd` (stack `blt0123456789abcdef`) at region `eu`, from commit `0123456789ab`.");
  }
}
