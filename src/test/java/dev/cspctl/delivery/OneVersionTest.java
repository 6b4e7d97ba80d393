package dev.cspctl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** One version, from the build, everywhere: pom.xml, the image tags, the README, the Dockerfile. */
class OneVersionTest {
  static String read(String file) throws IOException {
    return Files.readString(Path.of(file));
  }

  static String version() throws IOException {
    Matcher m = Pattern.compile("(?m)^  <version>(.*)</version>$").matcher(read("pom.xml"));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void theReadmeNamesTheBuildsVersionForImagesAndTheGitTagForIncludes() throws IOException {
    String v = version();
    String readme = read("README.md");
    Matcher image =
        Pattern.compile("registry\\.gitlab\\.com/cspctl/cspctl:([^\\s`]+)").matcher(readme);
    int images = 0;
    while (image.find()) {
      images++;
      assertThat(image.group(1)).isIn(v, "latest", "VERSION");
    }
    assertThat(images).isGreaterThanOrEqualTo(2);
    Matcher ref = Pattern.compile("ref: (\\S+)").matcher(readme);
    while (ref.find()) assertThat(ref.group(1)).isEqualTo("v" + v);
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePublishJobTagsTheImageWithTheBuildsVersionOnHostedRunners() throws IOException {
    Map<String, Object> publish =
        (Map<String, Object>)
            new Yaml().<Map<String, Object>>load(read(".gitlab-ci.yml")).get("publish-image");
    String script = String.join("\n", (List<String>) publish.get("script"));
    assertThat(script)
        .contains("pom.xml")
        .contains("\"$CI_COMMIT_TAG\" != \"v$VERSION\"")
        .contains("IMAGE_TAG=\"$VERSION\"")
        .contains("--build-arg \"CSPCTL_VERSION=$VERSION\"")
        .contains("grep -F \"cspctl $VERSION\"");
    assertThat(publish)
        .as("GitLab.com's hosted runners pick untagged jobs")
        .doesNotContainKey("tags");
    // the sed of the script finds the version
    assertThat(version()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void theDockerfileHardCodesNoVersion() throws IOException {
    String dockerfile = read("Dockerfile");
    assertThat(dockerfile).contains("ARG CSPCTL_VERSION=unknown").doesNotContain(version());
  }
}
