package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Seeds content types and base entries from JSON (optionally also {@code
 * "lytics_audiences":[{uid,name}]}, listed as audiences of source LYTICS, and {@code
 * "environments":[names]} instead of the default ones): {@code
 * {"content_types":[{uid,...}],"entries":[{"content_type":ct,"entry":{uid,...}}]}}. Without a file
 * the built-in {@value #DEFAULT_RESOURCE} is used.
 */
final class Seeds {
  static final String DEFAULT_RESOURCE = "/emulator/default-entries.json";

  private Seeds() {}

  static EmulatorState fresh(Path entriesFile) {
    try {
      return build(read(entriesFile));
    } catch (ClassCastException | IllegalArgumentException e) {
      throw new EmulatorStateException(
          "Invalid entries seed "
              + (entriesFile == null ? DEFAULT_RESOURCE : entriesFile.toAbsolutePath())
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static EmulatorState build(JsonNode seed) {
    EmulatorState s = new EmulatorState();
    for (JsonNode ct : seed.path("content_types")) {
      s.contentTypes.put(ct.path("uid").asText(), (ObjectNode) ct.deepCopy());
    }
    for (JsonNode item : seed.path("entries")) {
      String ct = item.path("content_type").asText();
      ObjectNode e = (ObjectNode) item.path("entry").deepCopy();
      if (!s.contentTypes.containsKey(ct)) {
        throw new IllegalArgumentException(
            "Seed entry " + e.path("uid").asText() + " names unknown content type " + ct);
      }
      if (!e.has("_version")) {
        e.put("_version", 1);
      }
      if (!e.has("locale")) {
        e.put("locale", EmulatorAssumptions.DEFAULT_LOCALE);
      }
      s.entries.put(ct + "/" + e.path("uid").asText(), e);
    }
    for (JsonNode l : seed.path("lytics_audiences")) {
      ObjectNode a = Json.object();
      a.put("uid", l.path("uid").asText());
      a.put("name", l.path("name").asText(l.path("uid").asText()));
      a.put("description", "");
      a.put("source", "LYTICS");
      s.audiences.put(a.path("uid").asText(), a);
    }
    if (seed.path("environments").isArray()) {
      java.util.List<String> names = new java.util.ArrayList<>();
      seed.path("environments").forEach(n -> names.add(n.asText()));
      s.environments = StackSettings.environments(names);
    }
    return s;
  }

  private static JsonNode read(Path file) {
    try {
      if (file != null) {
        return Json.MAPPER.readTree(Files.readAllBytes(file));
      }
      try (InputStream in = Seeds.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        return Json.MAPPER.readTree(in);
      }
    } catch (IOException e) {
      throw new EmulatorStateException(
          "Cannot read entries seed "
              + (file == null ? DEFAULT_RESOURCE : file.toAbsolutePath())
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
