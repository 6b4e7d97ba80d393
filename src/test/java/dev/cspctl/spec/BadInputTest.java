package dev.cspctl.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gets one clear line per error naming file:line:col, exit 1, and never a stack trace.
 * Each case: the files of a spec folder, the expected location and a message fragment.
 */
class BadInputTest {
  static final String PROJECT = "project: 65f0c0ffee0123456789abcd\n";
  static final String AUDIENCE_OK =
      "kind: Audience\nname: Mobile\nrules:\n  - preset: DEVICE_TYPE\n    condition: equals\n    value: MOBILE\n";

  @TempDir Path dir;

  record Case(String name, Map<String, Object> files, String where, String fragment) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Map<String, Object> files(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cspctl.yaml", PROJECT);
    for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
    return m;
  }

  static String experience(String body) {
    return "kind: Experience\nname: E\n" + body;
  }

  static Stream<Arguments> cases() {
    String seg = "type: segmented\nvariants:\n  - name: A\n    audiences: [Mobile]\n";
    return Stream.of(
        c(
            "malformed YAML (unclosed flow list)",
            files("a.yaml", "kind: Attribute\nkey: [a, b\nname: x\n"),
            "a.yaml:3:5",
            "invalid YAML: expected ',' or ']'"),
        c(
            "tab indentation",
            files("a.yaml", "kind: Audience\nname: x\nrules:\n\t- preset: CITY\n"),
            "a.yaml:4:1",
            "tab character"),
        c(
            "duplicate key in a mapping",
            files("a.yaml", "kind: Attribute\nkey: a\nname: x\nkey: b\n"),
            "a.yaml:4:1",
            "duplicate key 'key' (first defined at line 2)"),
        c(
            "duplicate key nested",
            files("a.yaml", experience(seg + "    name: B\n")),
            "a.yaml:7:5",
            "duplicate key 'name'"),
        c("empty file", files("a.yaml", ""), "a.yaml:1:1", "holds no YAML document"),
        c(
            "only comments",
            files("a.yaml", "# nothing here\n# at all\n"),
            "a.yaml:1:1",
            "holds no YAML document"),
        c(
            "binary file",
            files("a.yaml", new byte[] {'k', 'i', 'n', 'd', 0, 1, 2, (byte) 0xff}),
            "a.yaml:1:5",
            "binary content"),
        c(
            "invalid UTF-8",
            files("a.yaml", new byte[] {'k', ':', ' ', (byte) 0xc3, (byte) 0x28, '\n'}),
            "a.yaml:1:4",
            "invalid UTF-8"),
        c(
            "10 MB file",
            files("big.yaml", "# " + "x".repeat(10 * 1024 * 1024) + "\n"),
            "big.yaml:",
            "spec files are limited to 2 MB"),
        c("billion laughs", files("a.yaml", laughs()), "a.yaml:", "alias"),
        c(
            "recursive alias",
            files("a.yaml", "kind: Priority\norder: &o\n  - *o\n"),
            "a.yaml:2:8",
            "recursive YAML alias"),
        c(
            "unknown kind with suggestion",
            files("a.yaml", "kind: Experiance\nname: x\n"),
            "a.yaml:1:7",
            "unknown kind 'Experiance' (did you mean 'Experience'?)"),
        c(
            "missing kind",
            files("a.yaml", "name: x\n"),
            "a.yaml:1:1",
            "missing required field 'kind'"),
        c(
            "kind not a string",
            files("a.yaml", "kind: 5\n"),
            "a.yaml:1:7",
            "unknown kind the integer 5"),
        c(
            "document is a list",
            files("a.yaml", "- kind: Attribute\n"),
            "a.yaml:1:1",
            "expected a mapping with a 'kind', found a list"),
        c(
            "document is a scalar",
            files("a.yaml", "hello\n"),
            "a.yaml:1:1",
            "found the string 'hello'"),
        c(
            "second document bad",
            files("a.yaml", "kind: Event\nkey: a\n---\nkind: Event\nkey: b\ncolour: red\n"),
            "a.yaml:6:1",
            "unknown field 'colour'"),
        c(
            "wrong type for key",
            files("a.yaml", "kind: Attribute\nkey: 5\nname: x\n"),
            "a.yaml:2:6",
            "key: found the integer 5; expected a string"),
        c(
            "missing required name",
            files("a.yaml", "kind: Attribute\nkey: a\n"),
            "a.yaml:1:1",
            "name: missing required field 'name'"),
        c(
            "unknown field with suggestion",
            files("a.yaml", "kind: Attribute\nkey: a\nname: x\ndescripton: y\n"),
            "a.yaml:4:1",
            "unknown field 'descripton' (did you mean 'description'?)"),
        c(
            "attribute key pattern",
            files("a.yaml", "kind: Attribute\nkey: Plan-Tier\nname: x\n"),
            "a.yaml:2:6",
            "expected text matching"),
        c(
            "unknown condition",
            files(
                "a.yaml",
                "kind: Audience\nname: x\nrules:\n  - preset: CITY\n    condition: equal\n    value: Oslo\n"),
            "a.yaml:5:16",
            "did you mean 'equals'?"),
        c(
            "unknown preset",
            files(
                "a.yaml",
                "kind: Audience\nname: x\nrules:\n  - preset: COUNTY\n    condition: equals\n    value: US\n"),
            "a.yaml:4:13",
            "did you mean 'COUNTRY'?"),
        c(
            "rule with attribute and preset",
            files(
                "a.yaml",
                "kind: Audience\nname: x\nrules:\n  - attribute: a\n    preset: CITY\n    condition: exists\n"),
            "a.yaml:5:5",
            "found both 'attribute' and 'preset'"),
        c(
            "rule without condition",
            files("a.yaml", "kind: Audience\nname: x\nrules:\n  - preset: CITY\n    value: Oslo\n"),
            "a.yaml:4:5",
            "missing required field 'condition'"),
        c(
            "value of the wrong type",
            files(
                "a.yaml",
                "kind: Audience\nname: x\nrules:\n  - preset: CITY\n    condition: greaterThan\n    value: six\n"),
            "a.yaml:6:12",
            "takes a number; found the string 'six'"),
        c(
            "exists with a value",
            files(
                "a.yaml",
                "kind: Audience\nname: x\nrules:\n  - preset: CITY\n    condition: exists\n    value: x\n"),
            "a.yaml:6:12",
            "takes no value"),
        c(
            "equals without a value",
            files(
                "a.yaml",
                "kind: Audience\nname: x\nrules:\n  - preset: CITY\n    condition: equals\n"),
            "a.yaml:4:5",
            "takes a string or a number; found no value"),
        c(
            "memberOf with an attribute",
            files(
                "a.yaml",
                "kind: Audience\nname: x\nrules:\n  - attribute: a\n    condition: memberOf\n    value: 0123456789abcdef0123456789abcdef\n"),
            "a.yaml:4:5",
            "refers to Lytics"),
        c(
            "definition with rules",
            files(
                "a.yaml",
                "kind: Audience\nname: x\ndefinition:\n  __type: RuleCombination\nrules:\n  - preset: CITY\n    condition: exists\n"),
            "a.yaml:5:1",
            "not allowed together with 'definition'"),
        c(
            "empty rules",
            files("a.yaml", "kind: Audience\nname: x\nrules: []\n"),
            "a.yaml:3:8",
            "rules"),
        c(
            "more than 50 items in one list",
            files("a.yaml", manyRules(1, 51)),
            "a.yaml:5:7",
            "holds 51 items; expected at most 50"),
        c(
            "more than 50 rules counting nested ones",
            files("a.yaml", manyRules(3, 17)),
            "a.yaml:4:3",
            "holds 54 rules counting nested ones"),
        c(
            "duplicate audience across files",
            files("a.yaml", AUDIENCE_OK, "b.yaml", AUDIENCE_OK),
            "b.yaml:2:7",
            "duplicate Audience 'Mobile'"),
        c(
            "Lytics uid in audiences",
            files(
                "a.yaml",
                AUDIENCE_OK,
                "e.yaml",
                experience(
                    "type: segmented\nvariants:\n  - name: A\n    audiences: [0123456789abcdef0123456789abcdef]\n")),
            "e.yaml:6:17",
            "move it to 'lyticsAudiences'"),
        c(
            "bad Lytics uid",
            files(
                "e.yaml",
                experience(
                    "type: segmented\nvariants:\n  - name: A\n    lyticsAudiences: [xyz]\n")),
            "e.yaml:6:23",
            "expected text matching"),
        c(
            "segmented variant without audiences",
            files("e.yaml", experience("type: segmented\nvariants:\n  - name: A\n")),
            "e.yaml:5:5",
            "needs at least one entry in 'audiences'"),
        c(
            "A/B test with one variant",
            files("e.yaml", experience("type: abTest\nvariants:\n  - name: A\n    traffic: 100\n")),
            "e.yaml:5:3",
            "at least two variants"),
        c(
            "A/B traffic not 100",
            files(
                "e.yaml",
                experience(
                    "type: abTest\nvariants:\n  - name: A\n    traffic: 60\n  - name: B\n    traffic: 30\n")),
            "e.yaml:5:3",
            "sums to 90"),
        c(
            "A/B variant without traffic",
            files(
                "e.yaml",
                experience("type: abTest\nvariants:\n  - name: A\n    traffic: 60\n  - name: B\n")),
            "e.yaml:5:3",
            "either every A/B variant gives 'traffic'"),
        c(
            "traffic on a segmented variant",
            files("a.yaml", AUDIENCE_OK, "e.yaml", experience(seg + "    traffic: 50\n")),
            "e.yaml:7:5",
            "'traffic' is for A/B tests"),
        c(
            "two primary metrics",
            files(
                "e.yaml",
                experience(
                    "type: abTest\nmetrics:\n  - event: a\n    primary: true\n  - event: b\n    primary: true\nvariants:\n  - name: A\n    traffic: 50\n  - name: B\n    traffic: 50\n")),
            "e.yaml:5:3",
            "exactly one metric must be 'primary: true'; found 2"),
        c(
            "no primary metric",
            files(
                "e.yaml",
                experience(
                    "type: abTest\nmetrics:\n  - event: a\nvariants:\n  - name: A\n    traffic: 50\n  - name: B\n    traffic: 50\n")),
            "e.yaml:5:3",
            "found 0"),
        c(
            "content type not listed",
            files(
                "a.yaml",
                AUDIENCE_OK,
                "e.yaml",
                experience(
                    "type: segmented\ncontentTypes: [hero_banner]\nvariants:\n  - name: A\n    audiences: [Mobile]\n    content:\n      - contentType: hero_baner\n        entry: blt0123456789abcdef\n        fields: {title: x}\n")),
            "e.yaml:9:22",
            "did you mean 'hero_banner'?"),
        c(
            "duplicate variant names",
            files(
                "a.yaml",
                AUDIENCE_OK,
                "e.yaml",
                experience(seg + "  - name: A\n    audiences: [Mobile]\n")),
            "e.yaml:7:11",
            "duplicate variant name 'A'"),
        c(
            "bad experience type",
            files("e.yaml", experience("type: ab\nvariants:\n  - name: A\n")),
            "e.yaml:3:7",
            "expected one of: segmented, abTest"),
        c(
            "two Priority documents",
            files(
                "p.yaml",
                "kind: Priority\norder: [E]\n---\nkind: Priority\norder: [E]\n",
                "a.yaml",
                AUDIENCE_OK,
                "e.yaml",
                experience(seg)),
            "p.yaml:4:7",
            "at most one is allowed"),
        c(
            "Priority names an unknown experience",
            files(
                "p.yaml",
                "kind: Priority\norder: [F]\n",
                "e.yaml",
                experience(seg),
                "a.yaml",
                AUDIENCE_OK),
            "p.yaml:2:9",
            "no Experience named 'F'"),
        c(
            "near-miss audience reference",
            files(
                "a.yaml",
                AUDIENCE_OK,
                "e.yaml",
                experience("type: segmented\nvariants:\n  - name: A\n    audiences: [Mobil]\n")),
            "e.yaml:6:17",
            "did you mean 'Mobile'?"),
        c(
            "near-miss attribute reference",
            files(
                "t.yaml",
                "kind: Attribute\nkey: plan_tier\nname: Plan\n",
                "a.yaml",
                "kind: Audience\nname: x\nrules:\n  - attribute: plan_teir\n    condition: exists\n"),
            "a.yaml:4:16",
            "did you mean 'plan_tier'?"),
        c(
            "renamedFrom equal to the name",
            files(
                "a.yaml",
                "kind: Audience\nname: x\nrenamedFrom: x\nrules:\n  - preset: CITY\n    condition: exists\n"),
            "a.yaml:3:14",
            "is the current name"),
        c(
            "bad entry uid",
            files(
                "a.yaml",
                AUDIENCE_OK,
                "e.yaml",
                experience(
                    "type: segmented\ncontentTypes: [hero]\nvariants:\n  - name: A\n    audiences: [Mobile]\n    content:\n      - contentType: hero\n        entry: 12345\n        fields: {title: x}\n")),
            "e.yaml:10:16",
            "entry: found the integer 12345; expected a string"),
        c(
            "unsupported YAML tag",
            files("a.yaml", "kind: Event\nkey: !!binary aGVsbG8=\n"),
            "a.yaml:2:6",
            "unsupported YAML tag"),
        c(
            "merge keys are not supported",
            files("a.yaml", "kind: Event\n<<: {key: a}\n"),
            "a.yaml:2:1",
            "unknown field '<<'"),
        c(
            "dangling symlink",
            Map.of("cspctl.yaml", PROJECT, "a.yaml", new Link("missing.yaml")),
            "a.yaml:1:1",
            "not a regular file (a broken symbolic link)"),
        c("cspctl.yaml missing", Map.of("a.yaml", AUDIENCE_OK), "cspctl.yaml", "not found"),
        c(
            "cspctl.yaml bad region",
            Map.of("cspctl.yaml", "region: mars\n", "a.yaml", AUDIENCE_OK),
            "cspctl.yaml:1:9",
            "expected one of: na, eu"),
        c(
            "cspctl.yaml unknown field",
            Map.of("cspctl.yaml", "projct: 65f0c0ffee0123456789abcd\n", "a.yaml", AUDIENCE_OK),
            "cspctl.yaml:1:1",
            "did you mean 'project'?"),
        c(
            "cspctl.yaml bad project uid",
            Map.of("cspctl.yaml", "project: 123\n", "a.yaml", AUDIENCE_OK),
            "cspctl.yaml:1:10",
            "project"),
        c(
            "cspctl.yaml owner that cannot stand in the marker",
            Map.of("cspctl.yaml", "owner: \"web team]\"\n", "a.yaml", AUDIENCE_OK),
            "cspctl.yaml:1:8",
            "owner"),
        c(
            "cspctl.yaml secret-looking field",
            Map.of("cspctl.yaml", PROJECT + "authtoken: abc\n", "a.yaml", AUDIENCE_OK),
            "cspctl.yaml:2:1",
            "unknown field 'authtoken'"),
        c("folder without specs", Map.of("cspctl.yaml", PROJECT), "", "holds no spec files"));
  }

  record Link(String target) {}

  static Arguments c(String name, Map<String, Object> files, String where, String fragment) {
    return Arguments.of(new Case(name, files, where, fragment));
  }

  static String laughs() {
    StringBuilder b =
        new StringBuilder(
            "kind: Priority\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      b.append("l").append(i).append(": &l").append(i).append(" [");
      for (int j = 0; j < 9; j++) b.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
      b.append("]\n");
    }
    return b.append("order: *l9\n").toString();
  }

  static String manyRules(int groups, int perGroup) {
    StringBuilder b = new StringBuilder("kind: Audience\nname: x\nrules:\n");
    for (int g = 0; g < groups; g++) {
      b.append("  - all:\n");
      for (int i = 0; i < perGroup; i++)
        b.append("      - preset: CITY\n        condition: equals\n        value: c")
            .append(i)
            .append('\n');
    }
    return b.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsFileLineAndMessage(Case c) throws IOException {
    for (var e : c.files().entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      if (e.getValue() instanceof String s) Files.writeString(p, s);
      else if (e.getValue() instanceof byte[] b) Files.write(p, b);
      else if (e.getValue() instanceof Link l) Files.createSymbolicLink(p, dir.resolve(l.target()));
    }
    Run r = validate(dir);
    String expectedPrefix = "error: " + dir + (c.where().isEmpty() ? "" : "/" + c.where());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains(expectedPrefix).contains(c.fragment());
    assertThat(r.err().lines().filter(l -> l.contains(c.fragment())).findFirst().orElseThrow())
        .startsWith(expectedPrefix);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  static Run validate(Path dir) {
    return CliHarness.run("validate", dir.toString());
  }
}
