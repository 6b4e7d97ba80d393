package dev.cspctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;

/**
 * GitLab's documented report formats as JSON Schemas (src/test/resources/gitlab/), checked here.
 */
final class GitLabFormats {
  private GitLabFormats() {}

  static JsonNode assertValid(String schema, String document) throws IOException {
    JsonNode doc = new ObjectMapper().readTree(document);
    try (InputStream in = GitLabFormats.class.getResourceAsStream("/gitlab/" + schema)) {
      var s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
      assertThat(s.validate(doc)).as(schema + " for\n" + document).isEmpty();
    }
    return doc;
  }
}
