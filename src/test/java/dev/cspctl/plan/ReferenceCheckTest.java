package dev.cspctl.plan;

import static dev.cspctl.plan.Fixtures.MARK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.SpecError;
import dev.cspctl.spec.SpecException;
import dev.cspctl.state.AudienceSource;
import dev.cspctl.state.EntryKey;
import dev.cspctl.state.LiveAudience;
import dev.cspctl.state.LiveState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner's check of every reference against the live project and stack, one case per kind of
 * reference.
 */
class ReferenceCheckTest {
  @TempDir Path dir;

  private static final String EXPERIENCE =
      """
      kind: Experience
      name: Hero
      type: segmented
      contentTypes: [hero_banner]
      variants:
        - name: A
          audiences: [Live only]
          lyticsAudiences: [0123456789abcdef0123456789abcdef]
          content:
            - contentType: hero_banner
              entry: blt0123456789abcdef
              locale: en-us
              fields: {title: Hi}
      """;

  private LiveState live(
      List<String> contentTypes,
      List<String> locales,
      List<EntryKey> missing,
      boolean lyticsListed) {
    Fixtures.Live l = new Fixtures.Live();
    l.audience(
        "Live only",
        MARK.strip(),
        "{\"__type\":\"RuleCombination\",\"combinationType\":\"AND\",\"rules\":[]}");
    LiveState base = l.build();
    List<LiveAudience> audiences = new ArrayList<>(base.audiences());
    if (lyticsListed)
      audiences.add(
          new LiveAudience(
              "ffffffffffffffffffffffffffffffff", "Lytics one", "", null, AudienceSource.LYTICS));
    return new LiveState(
        base.attributes(),
        base.events(),
        audiences,
        base.experiences(),
        base.variantGroups(),
        base.entryVariants(),
        base.priorityOrder(),
        new LiveState.StackSettings(
            true, Map.of("blt00000000000000e2", "production"), locales, contentTypes, missing));
  }

  private List<String> problems(String yaml, LiveState live) {
    DesiredState d = Fixtures.desired(dir, yaml);
    Throwable t = catchThrowable(() -> new Planner().plan(d, live, PlanOptions.defaults()));
    if (t == null) return List.of();
    assertThat(t).isInstanceOf(SpecException.class);
    return ((SpecException) t).errors().stream().map(SpecError::format).toList();
  }

  @Test
  void everythingThatExistsPasses() {
    assertThat(
            problems(EXPERIENCE, live(List.of("hero_banner"), List.of("en-us"), List.of(), false)))
        .isEmpty();
  }

  @Test
  void anAudienceThatExistsNowhereIsReportedAtItsPosition() {
    assertThat(
            problems(
                EXPERIENCE.replace("[Live only]", "[Nowhere]"),
                live(List.of("hero_banner"), List.of("en-us"), List.of(), false)))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .endsWith(
                        ":7:17: variants[0].audiences[0]: no audience 'Nowhere' exists in the specs or in the live project"));
  }

  @Test
  void contentTypeLocaleAndEntryAreCheckedAgainstTheStack() {
    EntryKey entry = new EntryKey("hero_banner", "blt0123456789abcdef", "en-us");
    assertThat(problems(EXPERIENCE, live(List.of("page"), List.of("de-de"), List.of(entry), false)))
        .satisfiesExactly(
            l ->
                assertThat(l)
                    .contains(
                        ":4:16: contentTypes[0]: no content type 'hero_banner' exists in the stack (it has: page)"),
            l ->
                assertThat(l)
                    .contains(
                        "variants[0].content[0].entry: content type 'hero_banner' of entry 'blt0123456789abcdef' does not exist"),
            l ->
                assertThat(l)
                    .contains(
                        "variants[0].content[0].locale: no locale 'en-us' exists in the stack (it has: de-de)"));
    assertThat(
            problems(
                EXPERIENCE, live(List.of("hero_banner"), List.of("en-us"), List.of(entry), false)))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains(
                        "entry 'blt0123456789abcdef' of content type 'hero_banner' (locale en-us) does not exist in the stack"));
  }

  @Test
  void lyticsIdsAreCheckedWhenTheProjectListsItsLyticsAudiences() {
    assertThat(
            problems(EXPERIENCE, live(List.of("hero_banner"), List.of("en-us"), List.of(), true)))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains(
                        "variants[0].lyticsAudiences[0]: no Lytics audience '0123456789abcdef0123456789abcdef'"));
  }

  @Test
  void anUnreadStackChecksOnlyTheProject() {
    Fixtures.Live l = new Fixtures.Live();
    l.audience(
        "Live only",
        MARK.strip(),
        "{\"__type\":\"RuleCombination\",\"combinationType\":\"AND\",\"rules\":[]}");
    assertThat(problems(EXPERIENCE, l.build())).isEmpty();
  }
}
