package dev.cspctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One merge-request note that cspctl owns, found by a hidden marker in its body, created on the
 * first push and edited in place on every later one (GitLab's Notes API: list, create, update). The
 * token goes only into the {@code PRIVATE-TOKEN} header; no message quotes it.
 */
final class MergeRequestNote {
  static final int MAX_PAGES = 50;
  private static final ObjectMapper M = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
  private final String notesUrl;
  private final String token;

  /**
   * @param apiUrl CI_API_V4_URL, e.g. https://gitlab.com/api/v4
   */
  MergeRequestNote(String apiUrl, String projectId, String mergeRequestIid, String token) {
    this.notesUrl =
        apiUrl.replaceAll("/+$", "")
            + "/projects/"
            + URLEncoder.encode(projectId, StandardCharsets.UTF_8)
            + "/merge_requests/"
            + URLEncoder.encode(mergeRequestIid, StandardCharsets.UTF_8)
            + "/notes";
    this.token = token;
  }

  record Result(long noteId, boolean created) {}

  /** Creates the note holding {@code marker}, or replaces the body of the one that already does. */
  Result upsert(String marker, String body) {
    Optional<Long> existing = find(marker);
    String json = M.createObjectNode().put("body", body).toString();
    if (existing.isPresent()) {
      send(
          request(notesUrl + "/" + existing.get()).PUT(HttpRequest.BodyPublishers.ofString(json)),
          "update note " + existing.get());
      return new Result(existing.get(), false);
    }
    JsonNode created =
        send(request(notesUrl).POST(HttpRequest.BodyPublishers.ofString(json)), "create a note");
    return new Result(created.path("id").asLong(), true);
  }

  private Optional<Long> find(String marker) {
    String page = "1";
    for (int i = 0; i < MAX_PAGES && page != null && !page.isBlank(); i++) {
      HttpResponse<String> r =
          exchange(
              request(notesUrl + "?per_page=100&sort=asc&order_by=created_at&page=" + page).GET(),
              "list the merge request's notes");
      for (JsonNode note : parse(r.body(), "list the merge request's notes")) {
        if (!note.path("system").asBoolean(false) && note.path("body").asText().contains(marker)) {
          return Optional.of(note.path("id").asLong());
        }
      }
      page = r.headers().firstValue("x-next-page").orElse(null);
    }
    return Optional.empty();
  }

  private HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(60))
        .header("PRIVATE-TOKEN", token)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest.Builder b, String what) {
    return parse(exchange(b, what).body(), what);
  }

  private HttpResponse<String> exchange(HttpRequest.Builder b, String what) {
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UserException(
          "GitLab API: cannot "
              + what
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("GitLab API: interrupted while trying to " + what);
    }
    if (r.statusCode() / 100 != 2) {
      String hint =
          r.statusCode() == 401 || r.statusCode() == 403
              ? " (CSPCTL_GITLAB_TOKEN must be a project access token with the api scope and at least the Reporter role;"
                  + " CI_JOB_TOKEN cannot write notes)"
              : "";
      throw new UserException(
          "GitLab API: cannot "
              + what
              + ": HTTP "
              + r.statusCode()
              + " "
              + message(r.body())
              + hint);
    }
    return r;
  }

  private static String message(String body) {
    try {
      JsonNode n = M.readTree(body);
      JsonNode m = n.has("message") ? n.get("message") : n.path("error");
      return m.isMissingNode() ? "" : m.toString();
    } catch (IOException e) {
      return "";
    }
  }

  private static JsonNode parse(String body, String what) {
    try {
      return M.readTree(body);
    } catch (IOException e) {
      throw new UserException("GitLab API: cannot " + what + ": the reply is not JSON");
    }
  }
}
