package dev.cspctl.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code validate} checks VisitorTest documents like every other kind (file:line:col, field, what
 * is wrong), and gives its targeting lints as warnings that {@code --strict} makes errors.
 */
class VisitorTestValidationTest {
  static final String SPECS =
      """
      kind: Attribute
      key: loyalty_tier
      name: Loyalty tier
      ---
      kind: Audience
      name: Mobile
      rules:
        - preset: DEVICE_TYPE
          condition: equals
          value: MOBILE
      ---
      kind: Experience
      name: Hero
      type: segmented
      status: active
      variants:
        - name: Phone
          audiences: [Mobile]
      ---
      kind: Experience
      name: Test
      type: abTest
      status: active
      variants:
        - name: A
          traffic: 50
        - name: B
          traffic: 50
      """;

  @TempDir Path dir;

  Run validate(String settings, String tests, String... args) throws IOException {
    Files.writeString(dir.resolve("cspctl.yaml"), "project: 65f0c0ffee0123456789abcd\n" + settings);
    Files.writeString(dir.resolve("specs.yaml"), SPECS);
    Files.writeString(dir.resolve("tests.yaml"), tests);
    String[] argv =
        Stream.concat(Stream.of("validate", dir.toString()), Stream.of(args))
            .toArray(String[]::new);
    return CliHarness.run(argv);
  }

  static Stream<Arguments> badTests() {
    String head = "kind: VisitorTest\nname: t\n";
    return Stream.of(
        Arguments.of(
            "unknown experience",
            head + "visitor: {}\nexpect:\n  Heor: Phone\n",
            "tests.yaml:5:3",
            "expect.Heor",
            "no Experience named 'Heor' is declared (did you mean 'Hero'?)"),
        Arguments.of(
            "unknown variant",
            head + "visitor: {}\nexpect:\n  Hero: Phnoe\n",
            "tests.yaml:5:9",
            "expect.Hero",
            "'Hero' has no variant 'Phnoe' (did you mean 'Phone'?); expected one of: Phone, none, any"),
        Arguments.of(
            "named variant of an A/B test",
            head + "visitor: {}\nexpect:\n  Test: A\n",
            "tests.yaml:5:9",
            "expect.Test",
            "'Test' is an A/B test: which variant a visitor gets is not predictable"),
        Arguments.of(
            "unknown visitor field",
            head + "visitor: {contry: US}\nexpect: {Hero: none}\n",
            "tests.yaml:3:11",
            "visitor.contry",
            "unknown field 'contry' (did you mean 'country'?)"),
        Arguments.of(
            "bad device",
            head + "visitor: {device: PHONE}\nexpect: {Hero: none}\n",
            "tests.yaml:3:19",
            "visitor.device",
            "found 'PHONE'; expected one of: MOBILE, TABLET, DESKTOP"),
        Arguments.of(
            "bad time",
            head + "visitor: {time: tomorrow}\nexpect: {Hero: none}\n",
            "tests.yaml:3:17",
            "visitor.time",
            "tomorrow"),
        Arguments.of(
            "bad Lytics id",
            head + "visitor: {lyticsAudiences: [abc]}\nexpect: {Hero: none}\n",
            "tests.yaml:3:29",
            "visitor.lyticsAudiences[0]",
            "expected text matching ^[0-9a-f]{32}$"),
        Arguments.of(
            "undeclared attribute",
            head + "visitor: {attributes: {loyalty: gold}}\nexpect: {Hero: none}\n",
            "tests.yaml:3:24",
            "visitor.attributes.loyalty",
            "no Attribute 'loyalty' is declared in the specs"),
        Arguments.of(
            "list as attribute value",
            head + "visitor: {attributes: {loyalty_tier: [a]}}\nexpect: {Hero: none}\n",
            "tests.yaml:3:38",
            "visitor.attributes.loyalty_tier",
            "expected a string or a number or true or false"),
        Arguments.of(
            "nothing expected",
            head + "visitor: {}\n",
            "tests.yaml:1:1",
            "",
            "a visitor test needs 'expect'"),
        Arguments.of(
            "applied too long",
            head + "visitor: {}\napplied: [Hero, Test]\n",
            "tests.yaml:4:10",
            "applied",
            "lists 2 experiences; a delivery request applies at most 1"),
        Arguments.of(
            "applied unknown",
            head + "visitor: {}\napplied: [Nope]\n",
            "tests.yaml:4:11",
            "applied[0]",
            "no Experience named 'Nope' is declared"),
        Arguments.of(
            "duplicate name",
            head
                + "visitor: {}\nexpect: {Hero: none}\n---\n"
                + head
                + "visitor: {}\nexpect: {Hero: any}\n",
            "tests.yaml:7:7",
            "name",
            "duplicate VisitorTest 't' (already declared at"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTests")
  void aBadVisitorTestIsOneLineWithFileLineColumnAndField(
      String name, String tests, String where, String field, String fragment) throws IOException {
    Run r = validate("delivery:\n  variantLimit: 1\n", tests);
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    String line =
        r.err()
            .lines()
            .filter(l -> l.contains(fragment))
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.err()));
    assertThat(line)
        .startsWith("error: " + dir + "/" + where + ": " + (field.isEmpty() ? "" : field + ": "));
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void validTestsAreCountedAndPlanIgnoresThem() throws IOException {
    Run r =
        validate(
            "",
            """
                         kind: VisitorTest
                         name: t
                         visitor: {device: MOBILE, time: '2026-12-24T10:00:00Z'}
                         expect: {Hero: Phone, Test: any}
                         applied: [Hero, Test]
                         """);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("4 resources in 3 files").contains("; 1 visitor test)");
    assertThat(new SpecLoader().load(dir).byKey()).as("not resources").hasSize(4);
  }

  @Test
  void aShadowedVariantIsAWarningAndAnErrorUnderStrict() throws IOException {
    Files.writeString(
        dir.resolve("more.yaml"),
        """
        kind: Audience
        name: Also mobile
        rules:
          - preset: DEVICE_TYPE
            condition: equals
            value: MOBILE
        ---
        kind: Experience
        name: Shadowed
        type: segmented
        variants:
          - name: Any phone
            audiences: [Mobile, Other]
          - name: Same rules
            audiences: [Also mobile]
          - name: Subset
            audiences: [Other]
            match: all
        """);
    String tests = "kind: VisitorTest\nname: t\nvisitor: {}\nexpect: {Hero: none}\n";
    Run r = validate("", tests);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(
            "warning: "
                + dir
                + "/more.yaml:14:5: variants[1]: variant 'Same rules' can never win: variant"
                + " 'Any phone' comes first and matches everyone it matches (all of its audiences, under match: any)");
    assertThat(r.err())
        .contains(
            "warning: " + dir + "/more.yaml:16:5: variants[2]: variant 'Subset' can never win");
    Run strict = validate("", tests, "--strict");
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.err())
        .contains("error: " + dir + "/more.yaml:14:5: variants[1]")
        .contains("treated as errors (--strict)");
  }

  @Test
  void coverageOfActiveExperiencesIsOptIn() throws IOException {
    String tests = "kind: VisitorTest\nname: t\nvisitor: {}\nexpect: {Hero: none}\n";
    assertThat(validate("", tests).err()).doesNotContain("has no visitor test");
    Run r = validate("visitorTests:\n  requireCoverage: true\n", tests);
    assertThat(r.exit()).isZero();
    assertThat(r.err())
        .contains(
            "warning: "
                + dir
                + "/specs.yaml:21:7: name: active experience 'Test' has no visitor test")
        .doesNotContain("'Hero' has no visitor test");
  }

  @Test
  void moreActiveExperiencesOnAContentTypeThanTheVariantLimitIsAWarningAtTheFirstThatMayLose()
      throws IOException {
    StringBuilder b = new StringBuilder();
    for (String n : new String[] {"One", "Two", "Three"}) {
      b.append("---\nkind: Experience\nname: ")
          .append(n)
          .append("\ntype: segmented\nstatus: active\ncontentTypes: [banner, card]\n")
          .append("variants:\n  - name: V\n    audiences: [Mobile]\n");
    }
    Files.writeString(dir.resolve("more.yaml"), b.substring(4));
    Run r =
        validate(
            "delivery:\n  variantLimit: 2\n",
            "kind: VisitorTest\nname: t\nvisitor: {}\nexpect: {Hero: none}\n");
    assertThat(r.err())
        .contains("more.yaml:")
        .contains(
            "contentTypes[0]: content type 'banner' is linked to 3 active experiences,"
                + " more than the 2 variants a delivery request applies (delivery.variantLimit): a visitor who qualifies for the higher"
                + " ones loses 'Three' (lowest in priority)")
        .contains("content type 'card'");
  }
}
