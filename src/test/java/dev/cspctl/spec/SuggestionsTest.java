package dev.cspctl.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void suggestsNearMissesOnly() {
    assertThat(Suggestions.closest("nmae", List.of("name", "description"))).contains("name");
    assertThat(Suggestions.closest("Audiense", List.of("Audience", "Attribute")))
        .contains("Audience");
    assertThat(Suggestions.closest("colour", List.of("name", "key"))).isEmpty();
    assertThat(Suggestions.closest("name", List.of("name"))).isEmpty();
    assertThat(Suggestions.closest("NAME", List.of("name"))).contains("name");
  }
}
