package dev.cspctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared checks of the reliability suite: duplicates by natural key in a state dump, the one-line
 * results.
 */
final class Reliability {
  static final ObjectMapper M = new ObjectMapper();

  private Reliability() {}

  static JsonNode parse(String json) {
    try {
      return M.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Duplicates by natural key: attributes and events by key, audiences and experiences by name,
   * variant groups by their experience, more than one DRAFT or ACTIVE version per experience.
   */
  static List<String> duplicates(JsonNode dump) {
    List<String> out = new ArrayList<>();
    count(dump.path("attributes"), n -> n.path("key").asText(), "attribute", out);
    count(dump.path("events"), n -> n.path("key").asText(), "event", out);
    count(dump.path("audiences"), n -> n.path("name").asText(), "audience", out);
    count(dump.path("experiences"), n -> n.path("name").asText(), "experience", out);
    count(
        dump.path("variantGroups"),
        n -> n.at("/personalize_metadata/experience_uid").asText(),
        "variant group of experience",
        out);
    dump.path("experiences")
        .forEach(
            e -> {
              for (String status : List.of("DRAFT", "ACTIVE")) {
                long n = 0;
                for (JsonNode v : e.path("versions"))
                  if (status.equals(v.path("status").asText())) n++;
                if (n > 1)
                  out.add(n + " " + status + " versions of experience " + e.path("name").asText());
              }
            });
    return out;
  }

  private static void count(
      JsonNode items,
      java.util.function.Function<JsonNode, String> key,
      String what,
      List<String> out) {
    Map<String, Integer> seen = new HashMap<>();
    items.forEach(n -> seen.merge(key.apply(n), 1, Integer::sum));
    seen.forEach(
        (k, n) -> {
          if (n > 1) out.add(n + "x " + what + " '" + k + "'");
        });
  }

  /** Prints the part's one-line result and appends it to target/reliability.txt. */
  static void result(String line) {
    System.out.println(line);
    try {
      Files.createDirectories(Path.of("target"));
      Files.writeString(
          Path.of("target/reliability.txt"),
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
