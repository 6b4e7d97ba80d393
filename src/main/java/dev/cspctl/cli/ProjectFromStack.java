package dev.cspctl.cli;

import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.Credentials;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.api.personalize.Project;
import dev.cspctl.api.personalize.ProjectLookup;
import java.io.PrintWriter;
import java.util.List;

/**
 * A stack API key without a project uid: finds the Personalize project connected to the stack
 * ({@code GET /projects?connectedStackApiKey=}) and says which one is used.
 */
final class ProjectFromStack {
  private ProjectFromStack() {}

  static String find(
      Credentials credentials,
      ApiEndpoints endpoints,
      TransportConfig transport,
      PrintWriter notices) {
    List<Project> found;
    try (ContentstackClients c = ContentstackClients.create(credentials, endpoints, transport)) {
      found = new ProjectLookup(c.transport(), c.session()).connectedTo(credentials.apiKey());
    }
    if (found.isEmpty()) {
      throw new UserException(
          "no Personalize project is connected to stack "
              + credentials.apiKey()
              + " (GET /projects?connectedStackApiKey= found none): connect one in Contentstack, or set "
              + Credentials.ENV_PROJECT_UID
              + " or 'project' in cspctl.yaml");
    }
    if (found.size() > 1) {
      throw new UserException(
          found.size()
              + " Personalize projects are connected to stack "
              + credentials.apiKey()
              + " ("
              + String.join(", ", found.stream().map(p -> p.uid() + " '" + p.name() + "'").toList())
              + "): set "
              + Credentials.ENV_PROJECT_UID
              + " or 'project' in cspctl.yaml to choose one");
    }
    Project p = found.get(0);
    notices.println(
        "Using Personalize project "
            + p.uid()
            + " ('"
            + p.name()
            + "'), the one connected to stack "
            + credentials.apiKey()
            + " (no project uid was set)");
    notices.flush();
    return p.uid();
  }
}
