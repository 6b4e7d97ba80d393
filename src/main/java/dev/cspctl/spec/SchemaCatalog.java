package dev.cspctl.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of {@code schemas/} (shipped in the jar under {@code schemas/}): the single
 * source of truth for the shape of every document. Loaded once and cached.
 */
public final class SchemaCatalog {
  public static final String PROJECT_SCHEMA = "cspctl.schema.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SchemaCatalog INSTANCE = new SchemaCatalog();

  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER)
          .formatAssertionsEnabled(true)
          .build();
  private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

  /** A compiled schema and its raw JSON (used to suggest field names). */
  public record Loaded(JsonSchema schema, JsonNode raw) {}

  public static SchemaCatalog instance() {
    return INSTANCE;
  }

  public Loaded get(String fileName) {
    return cache.computeIfAbsent(fileName, this::load);
  }

  public static JsonNode readRaw(String fileName) {
    String resource = "/schemas/" + fileName;
    try (InputStream in = SchemaCatalog.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("schema missing from the build: " + resource);
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + resource, e);
    }
  }

  /**
   * A schema for one of the {@code $defs} of a schema file, as a document of its own (the visitor
   * of a visitor test, given alone to {@code cspctl test --visitor}).
   */
  public Loaded definition(String fileName, String def) {
    return cache.computeIfAbsent(
        fileName + "#" + def,
        key -> {
          com.fasterxml.jackson.databind.node.ObjectNode raw = MAPPER.createObjectNode();
          JsonNode whole = readRaw(fileName);
          raw.put("$schema", whole.path("$schema").asText());
          raw.put("$id", whole.path("$id").asText() + "-" + def);
          raw.put("$ref", "#/$defs/" + def);
          raw.set("$defs", whole.path("$defs").deepCopy());
          return new Loaded(
              factory.getSchema(SchemaLocation.of(raw.get("$id").asText()), raw, config), raw);
        });
  }

  private Loaded load(String fileName) {
    JsonNode raw = readRaw(fileName);
    String id = raw.path("$id").asText("https://cspctl.dev/schemas/" + fileName);
    return new Loaded(factory.getSchema(SchemaLocation.of(id), raw, config), raw);
  }
}
