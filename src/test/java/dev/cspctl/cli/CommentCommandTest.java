package dev.cspctl.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cspctl.testing.CliHarness;
import dev.cspctl.testing.CliHarness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `cspctl comment` against a recorded fake of GitLab's Notes API (src/test/resources/gitlab/api/).
 */
class CommentCommandTest {
  static final String TOKEN = "glpat-Xy12secretSecret34";
  static final String NOTES = "/api/v4/projects/55/merge_requests/14/notes";

  @TempDir Path tmp;
  WireMockServer gitlab;
  Map<String, String> env = new HashMap<>();

  @BeforeEach
  void start() {
    gitlab = new WireMockServer(options().dynamicPort());
    gitlab.start();
    env.put("CI_API_V4_URL", gitlab.baseUrl() + "/api/v4");
    env.put("CI_PROJECT_ID", "55");
    env.put("CI_MERGE_REQUEST_IID", "14");
    env.put("CI_COMMIT_SHORT_SHA", "4f2a9c1e");
    env.put("CSPCTL_GITLAB_TOKEN", TOKEN);
  }

  @AfterEach
  void stop() {
    gitlab.stop();
  }

  static String recorded(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/gitlab/api", name));
  }

  void notes(String secondPage) throws Exception {
    gitlab.stubFor(
        get(urlPathEqualTo(NOTES))
            .withQueryParam("page", equalTo("1"))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Next-Page", "2")
                    .withHeader("X-Page", "1")
                    .withHeader("X-Total-Pages", "2")
                    .withBody(recorded("notes-page-1.json"))));
    gitlab.stubFor(
        get(urlPathEqualTo(NOTES))
            .withQueryParam("page", equalTo("2"))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Next-Page", "")
                    .withHeader("X-Page", "2")
                    .withHeader("X-Total-Pages", "2")
                    .withBody(recorded(secondPage))));
  }

  Run run(String... args) {
    Run r = CliHarness.run(env, args);
    assertThat(r.out() + r.err()).doesNotContain(TOKEN).doesNotContain("Xy12secret");
    return r;
  }

  Path plan(String name, String summary) throws Exception {
    return Files.writeString(tmp.resolve(name), "### cspctl plan\n\n**" + summary + "**\n");
  }

  @Test
  void theFirstPushCreatesTheNote() throws Exception {
    notes("notes-page-2-empty.json");
    gitlab.stubFor(
        post(urlEqualTo(NOTES))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(recorded("note-created.json"))));
    Run r =
        run(
            "comment",
            plan("default.plan.md", "Plan: 9 to add, 1 to change, 0 to delete, 0 to adopt.")
                .toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("Posted merge request note 317.\n");
    gitlab.verify(
        1,
        postRequestedFor(urlEqualTo(NOTES))
            .withRequestBody(matchingJsonPath("$.body", containing("<!-- cspctl:comment:plan -->")))
            .withRequestBody(matchingJsonPath("$.body", containing("Plan: 9 to add, 1 to change")))
            .withRequestBody(matchingJsonPath("$.body", containing("Updated for 4f2a9c1e"))));
    gitlab.verify(0, putRequestedFor(urlPathEqualTo(NOTES + "/317")));
  }

  @Test
  void aLaterPushEditsTheSameNoteWithOneSectionPerTarget() throws Exception {
    notes("notes-page-2-with-cspctl.json");
    gitlab.stubFor(
        put(urlEqualTo(NOTES + "/317"))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(recorded("note-created.json"))));
    Run r =
        run(
            "comment",
            plan("eu.plan.md", "Plan: 2 to add").toString(),
            plan("us.plan.md", "Plan: 3 to add").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("Updated merge request note 317.\n");
    gitlab.verify(
        1,
        putRequestedFor(urlEqualTo(NOTES + "/317"))
            .withRequestBody(matchingJsonPath("$.body", containing("#### target eu")))
            .withRequestBody(matchingJsonPath("$.body", containing("#### target us")))
            .withRequestBody(matchingJsonPath("$.body", containing("Plan: 3 to add"))));
    gitlab.verify(0, postRequestedFor(urlEqualTo(NOTES)));
  }

  @Test
  void aRefusedTokenIsOneLineThatNamesTheFixNotTheToken() throws Exception {
    gitlab.stubFor(
        get(urlPathEqualTo(NOTES))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(recorded("forbidden.json"))));
    Run r = run("comment", plan("default.plan.md", "Plan").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith(
            "error: GitLab API: cannot list the merge request's notes: HTTP 403 \"403 Forbidden\"")
        .contains("project access token with the api scope")
        .contains("CI_JOB_TOKEN cannot write notes");
  }

  @Test
  void outsideAMergeRequestPipelineItNamesWhatIsMissing() throws Exception {
    env.remove("CI_MERGE_REQUEST_IID");
    env.remove("CSPCTL_GITLAB_TOKEN");
    Run r = run("comment", plan("default.plan.md", "Plan").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("missing: CI_MERGE_REQUEST_IID, CSPCTL_GITLAB_TOKEN")
        .contains("masked");
    assertThat(gitlab.getAllServeEvents()).isEmpty();
  }
}
