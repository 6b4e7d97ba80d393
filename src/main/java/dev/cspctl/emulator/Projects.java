package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Personalize projects, as Contentstack's CLI calls them (no {@code x-project-uid}; header {@code
 * organization_uid}): {@code GET /projects?connectedStackApiKey=} and {@code POST /projects {name,
 * description, connectedStackApiKey}}. The emulator models one stack, so it holds at most one
 * project; a created project's uid is then the one requests must carry.
 */
final class Projects {
  private final Store store;
  private final EmulatorConfig config;

  Projects(Store store, EmulatorConfig config) {
    this.store = store;
    this.config = config;
  }

  void register(Router r) {
    r.add("GET", "/projects", q -> store.locked(s -> Response.ok(list(s, q))));
    r.add("POST", "/projects", q -> store.locked(s -> Response.created(create(s, q))));
  }

  /** The seeded project: the configured uid, connected to the emulated stack. */
  static ObjectNode seed(AcceptedCredentials c) {
    ObjectNode p = Json.object();
    p.put("_id", c.projectUid());
    p.put("uid", c.projectUid());
    p.put("name", "Sandbox project");
    p.put("description", "");
    p.put("organizationUid", EmulatorAssumptions.ORGANIZATION_UID);
    p.put("connectedStackApiKey", c.apiKey());
    p.put("createdAt", Json.now());
    p.put("updatedAt", Json.now());
    return p;
  }

  private static ArrayNode list(EmulatorState s, Request q) {
    organization(q);
    String stack = q.query(EmulatorAssumptions.PROJECT_STACK_FILTER, null);
    ArrayNode out = Json.array();
    if (s.project != null
        && (stack == null || stack.equals(Json.text(s.project, "connectedStackApiKey")))) {
      out.add(s.project.deepCopy());
    }
    return out;
  }

  private ObjectNode create(EmulatorState s, Request q) {
    organization(q);
    ObjectNode body = q.object();
    String name = ProjectResources.requireText(body, "name");
    String stack = ProjectResources.requireText(body, "connectedStackApiKey");
    if (s.project != null) {
      throw ApiException.business(
          400,
          name.equals(Json.text(s.project, "name"))
              ? EmulatorAssumptions.DUPLICATE_PROJECT_NAME
              : EmulatorAssumptions.STACK_ALREADY_CONNECTED);
    }
    if (!stack.equals(config.credentials().apiKey())) {
      throw ApiException.business(400, EmulatorAssumptions.STACK_NOT_FOUND);
    }
    ObjectNode p = seed(config.credentials());
    String uid =
        EmulatorAssumptions.CREATED_PROJECT_GETS_NEW_UID
            ? Ids.objectId()
            : config.credentials().projectUid();
    p.put("_id", uid);
    p.put("uid", uid);
    p.put("name", name);
    p.put("description", body.path("description").asText(""));
    s.project = p;
    return p.deepCopy();
  }

  private static void organization(Request q) {
    String org = q.header("organization_uid");
    if (EmulatorAssumptions.PROJECTS_REQUIRE_ORGANIZATION && (org == null || org.isBlank())) {
      throw ApiException.business(400, EmulatorAssumptions.ORGANIZATION_REQUIRED);
    }
  }
}
