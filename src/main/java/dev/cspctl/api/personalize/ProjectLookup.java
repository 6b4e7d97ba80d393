package dev.cspctl.api.personalize;

import static dev.cspctl.api.http.Paths.params;
import static dev.cspctl.api.http.Paths.query;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cspctl.api.Api;
import dev.cspctl.api.AuthSession;
import dev.cspctl.api.http.HttpTransport;
import dev.cspctl.api.http.RateBucket;
import dev.cspctl.api.http.RestCaller;
import java.util.List;

/**
 * Finds the Personalize project connected to a stack: {@code GET /projects?connectedStackApiKey=}
 * with the user's token and no {@code x-project-uid} (§14, as Contentstack's CLI does).
 */
public final class ProjectLookup {
  private final RestCaller rest;

  public ProjectLookup(HttpTransport transport, AuthSession session) {
    this.rest = new RestCaller(transport, Api.PERSONALIZE, session::personalizeUserHeaders, null);
  }

  public List<Project> connectedTo(String stackApiKey) {
    String path = query("/projects", params("connectedStackApiKey", stackApiKey));
    return rest.call("GET", path, null, RateBucket.PERSONALIZE)
        .as(new TypeReference<List<Project>>() {});
  }
}
