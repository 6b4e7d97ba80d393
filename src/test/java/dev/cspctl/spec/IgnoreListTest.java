package dev.cspctl.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec folder can hold other YAML when a .cspctlignore lists it. */
class IgnoreListTest {
  @TempDir Path dir;

  @BeforeEach
  void folderWithOtherYaml() throws Exception {
    Files.writeString(dir.resolve("cspctl.yaml"), "project: 65f0c0ffee0123456789abcd\n");
    Files.writeString(dir.resolve("attributes.yaml"), "kind: Attribute\nkey: a\nname: A\n");
    Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  app: {image: nginx}\n");
    Files.createDirectories(dir.resolve("deploy/k8s"));
    Files.writeString(dir.resolve("deploy/k8s/app.yaml"), "apiVersion: v1\nkind: Service\n");
    Files.createDirectories(dir.resolve("ci"));
    Files.writeString(dir.resolve("ci/lint.yml"), "rules: []\n");
    Files.createDirectories(dir.resolve("events"));
    Files.writeString(dir.resolve("events/signup.yaml"), "kind: Event\nkey: signup\n");
    Files.writeString(dir.resolve("events/old.local.yaml"), "not: a spec\n");
  }

  @Test
  void withoutAnIgnoreListOtherYamlIsAnError() {
    SpecException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SpecException.class, () -> new SpecLoader().load(dir));
    assertThat(e.errors())
        .anySatisfy(
            err ->
                assertThat(err.format())
                    .contains("docker-compose.yml:1:1")
                    .contains("not a cspctl spec, list it in .cspctlignore"));
  }

  @Test
  void ignoredFilesAndFoldersAreSkipped() throws Exception {
    Files.writeString(
        dir.resolve(IgnoreList.FILE),
        """
        # not cspctl specs
        docker-compose.yml
        deploy/
        ci/*.yml

        *.local.yaml
        """);
    DesiredState state = new SpecLoader().load(dir);
    assertThat(state.attributes()).hasSize(1);
    assertThat(state.events()).hasSize(1);
    assertThat(state.fileCount()).isEqualTo(3);
  }

  @Test
  void aPatternIsMatchedAgainstNamesAtAnyDepthOrPathsFromTheFolder() {
    IgnoreList none = IgnoreList.of(dir, new java.util.ArrayList<>(), "x");
    assertThat(none.ignores(Path.of("a.yaml"))).isFalse();
  }

  @Test
  void aBadPatternIsAnErrorWithItsLine() throws Exception {
    Files.writeString(dir.resolve(IgnoreList.FILE), "docker-compose.yml\n[unclosed\n");
    assertThatThrownBy(() -> new SpecLoader().load(dir))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining(".cspctlignore:2:1: invalid pattern '[unclosed'");
  }
}
