package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {
  @TempDir Path dir;

  @Test
  void roundTripKeepsStateAndPendingCmsSyncs() throws Exception {
    Path file = dir.resolve("sandbox.json");
    String exp;
    String aud;
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().cmsDelayMs(400).build())) {
      Api api = new Api(emu);
      aud = api.audience("kids");
      exp = api.experience("Persisted", "SEGMENTED");
      api.p(
          "PUT",
          "/experiences/" + exp + "/versions/" + api.latestVersion(exp),
          Api.version("DRAFT", Api.segmented("kids", null, aud)));
      emu.save(file);
      assertThat(api.p("GET", "/experiences/" + exp, null).body().has("_cms")).isFalse();
    }
    assertThat(StateFile.load(file).pendingSyncs).hasSize(1);
    try (Emulator emu =
        Emulator.start(EmulatorConfig.builder().cmsDelayMs(400).stateFile(file).build())) {
      Api api = new Api(emu);
      assertThat(api.p("GET", "/audiences", null).body().get(0).path("uid").asText())
          .isEqualTo(aud);
      assertThat(api.p("GET", "/experiences/" + exp, null).text("/shortUid")).isEqualTo("0");
      assertThat(api.awaitCms(exp, "0").path("variantGroup").asText()).startsWith("cs");
      assertThat(api.experience("Next", "SEGMENTED")).isNotBlank();
      assertThat(api.p("GET", "/experiences", null).body().get(1).path("shortUid").asText())
          .isEqualTo("1");
    }
  }

  @Test
  void crashMidSaveLeavesTheOldFile() throws IOException {
    Path file = dir.resolve("state.json");
    EmulatorState s = Seeds.fresh(null);
    StateFile.save(s, file);
    String before = Files.readString(file);
    s.priorityOrder.add("changed");
    assertThatThrownBy(
            () ->
                StateFile.save(
                    s,
                    file,
                    temp -> {
                      assertThat(Files.readString(temp)).contains("changed");
                      throw new IOException("simulated crash before rename");
                    }))
        .isInstanceOf(EmulatorStateException.class)
        .hasMessageContaining(file.toAbsolutePath().toString());
    assertThat(Files.readString(file)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    StateFile.save(s, file);
    assertThat(StateFile.load(file).priorityOrder).containsExactly("changed");
  }

  @Test
  void corruptFileGivesClearErrorNamingTheFile() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"attributes\": [oops");
    assertThatThrownBy(() -> StateFile.load(file))
        .isInstanceOf(EmulatorStateException.class)
        .hasMessageContaining(file.toAbsolutePath().toString())
        .hasMessageContaining("corrupt");
    assertThatThrownBy(() -> Emulator.start(EmulatorConfig.builder().stateFile(file).build()))
        .isInstanceOf(EmulatorStateException.class);
  }

  @Test
  void customEntriesSeedFile() throws IOException {
    Path seed = dir.resolve("entries.json");
    Files.writeString(
        seed,
        "{\"content_types\":[{\"uid\":\"page\"}],\"entries\":[{\"content_type\":\"page\","
            + "\"entry\":{\"uid\":\"blt00000000000000aa\",\"title\":\"P\"}}]}");
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().entriesFile(seed).build())) {
      Api api = new Api(emu);
      assertThat(
              api.c("GET", "/content_types/page/entries/blt00000000000000aa", null)
                  .body()
                  .path("entry")
                  .path("locale")
                  .asText())
          .isEqualTo("en-us");
      assertThat(api.c("GET", "/content_types/hero_banner", null).status()).isEqualTo(422);
    }
  }

  @Test
  void invalidEntriesSeedNamesTheFile() throws IOException {
    Path seed = dir.resolve("entries.json");
    Files.writeString(seed, "{\"content_types\":[1]}");
    assertThatThrownBy(() -> Emulator.start(EmulatorConfig.builder().entriesFile(seed).build()))
        .isInstanceOf(EmulatorStateException.class)
        .hasMessageContaining(seed.toAbsolutePath().toString());
  }
}
