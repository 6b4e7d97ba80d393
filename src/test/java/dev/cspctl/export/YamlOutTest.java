package dev.cspctl.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.spec.YamlFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writer emits reads back as the same values through the spec reader (YAML 1.2). */
class YamlOutTest {
  static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void trickyScalarsReadBackUnchanged() throws Exception {
    List<String> strings =
        List.of(
            "NO",
            "yes",
            "on",
            "null",
            "~",
            "true",
            "123",
            "0x1F",
            "1e5",
            "1_000",
            "2024-01-01",
            "-dash",
            "a: b",
            "x #y",
            "#hash",
            "trailing ",
            " leading",
            "",
            "multi\nline",
            "quote\"d",
            "it's",
            "tab\there",
            "é accent",
            "[flow]",
            "a, b",
            "*star",
            "&amp",
            "!bang",
            "%pct",
            "@at",
            "`tick",
            "|pipe",
            ">gt",
            "?q",
            ".inf",
            "-.5",
            "+1",
            "0123",
            "cs1a2b3c4d5e6f7081",
            "01234567890123456789012345678901",
            "1234e567890abcdef1234567890abcde",
            "Premium shoppers",
            "/shop",
            "{}");
    ObjectNode root = M.createObjectNode();
    var list = root.putArray("values");
    strings.forEach(list::add);
    root.put("float", 12.5).put("big", 1.0E10).put("int", 6).put("bool", false).putNull("nothing");
    root.putArray("flowable").add("a").add("b c");
    root.putArray("nested")
        .addObject()
        .put("key with space", "v")
        .putArray("inner")
        .add(1)
        .add("x: y");
    root.putObject("empty");
    root.putArray("none");
    root.putObject("weird keys").put("yes", 1).put("a: b", 2).put("_metadata", 3);

    YamlOut y = new YamlOut();
    root.fields()
        .forEachRemaining(f -> y.field(0, f.getKey(), f.getValue(), "a comment: with # signs"));
    Path file = tmp.resolve("t.yaml");
    Files.writeString(file, y.toString());
    var read = new YamlFileReader().read(file, "t.yaml");
    assertThat(read.errors()).as(y.toString()).isEmpty();
    JsonNode back = read.documents().get(0).root();
    for (int i = 0; i < strings.size(); i++) {
      assertThat(back.path("values").get(i).asText()).as(strings.get(i)).isEqualTo(strings.get(i));
      assertThat(back.path("values").get(i).isTextual()).as(strings.get(i)).isTrue();
    }
    assertThat(back.path("float").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(back.path("big").decimalValue()).isEqualByComparingTo("1.0E10");
    assertThat(back.path("int").asInt()).isEqualTo(6);
    assertThat(back.path("bool").isBoolean()).isTrue();
    assertThat(back.path("nothing").isNull()).isTrue();
    assertThat(back.path("nested").toString()).isEqualTo(root.path("nested").toString());
    assertThat(back.path("weird keys").toString()).isEqualTo(root.path("weird keys").toString());
    assertThat(back.path("empty").isObject()).isTrue();
    assertThat(back.path("none").isArray()).isTrue();
    assertThat(y.toString())
        .contains("flowable: [a, b c]")
        .contains("\n  - \"NO\"\n")
        .contains("\n  - Premium shoppers\n");
  }
}
