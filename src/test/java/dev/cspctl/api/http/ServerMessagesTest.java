package dev.cspctl.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServerMessagesTest {
  static String msg(String body) {
    return ServerMessages.extract(
        new ApiResponse(400, "application/json", body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void order() {
    assertThat(msg("{\"error_message\":\"A\",\"message\":\"C\"}")).isEqualTo("A");
    assertThat(msg("{\"errors\":{\"f\":[\"X\"]},\"message\":\"C\"}")).isEqualTo("f: X");
    assertThat(msg("{\"message\":\"C\",\"error\":\"D\"}")).isEqualTo("C");
    assertThat(msg("{\"error\":\"D\"}")).isEqualTo("D");
    assertThat(msg("{\"errors\":[{\"code\":\"VARIANT_LIMIT_EXCEEDED\",\"message\":\"too many\"}]}"))
        .isEqualTo("too many");
    assertThat(msg("{\"errors\":{\"variants\":{\"0\":[\"NOT_VALID_ENUM\"]}}}"))
        .isEqualTo("variants: 0: NOT_VALID_ENUM");
    assertThat(msg("")).isEqualTo("empty reply body");
    assertThat(msg("Cannot GET /experiences/x/versions/y"))
        .isEqualTo("non-JSON reply (application/json): Cannot GET /experiences/x/versions/y");
  }
}
