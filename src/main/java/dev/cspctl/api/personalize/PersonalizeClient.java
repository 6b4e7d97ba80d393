package dev.cspctl.api.personalize;

import static dev.cspctl.api.http.Paths.seg;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.Api;
import dev.cspctl.api.ApiAssumptions;
import dev.cspctl.api.AuthSession;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResourceRef;
import dev.cspctl.api.http.HttpTransport;
import dev.cspctl.api.http.RateBucket;
import dev.cspctl.api.http.RestCaller;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed client of the Personalize Management API (contentstack-api.md §2–§6). Every call goes
 * through the shared {@link HttpTransport} under the Personalize rate bucket. Use {@link
 * #about(ResourceRef)} to have failures name the spec resource.
 */
public final class PersonalizeClient implements PersonalizePort {
  private static final RateBucket B = RateBucket.PERSONALIZE;
  private final RestCaller rest;

  public PersonalizeClient(HttpTransport transport, AuthSession session) {
    this(new RestCaller(transport, Api.PERSONALIZE, session::personalizeHeaders, null));
  }

  private PersonalizeClient(RestCaller rest) {
    this.rest = rest;
  }

  /** A view of this client whose errors name {@code ref} (e.g. experience "Homepage hero"). */
  @Override
  public PersonalizeClient about(ResourceRef ref) {
    return new PersonalizeClient(rest.about(ref));
  }

  // --- attributes (§3)
  @Override
  public List<RemoteAttribute> listAttributes() {
    return rest.call("GET", "/attributes", null, B)
        .as(new TypeReference<List<RemoteAttribute>>() {});
  }

  @Override
  public RemoteAttribute createAttribute(AttributeInput in) {
    return rest.call("POST", "/attributes", in, B).as(RemoteAttribute.class);
  }

  @Override
  public RemoteAttribute updateAttribute(String uid, AttributeInput in) {
    return rest.call("PUT", "/attributes/" + seg(uid), in, B).as(RemoteAttribute.class);
  }

  @Override
  public void deleteAttribute(String uid) {
    rest.call("DELETE", "/attributes/" + seg(uid), null, B).discard();
  }

  // --- events (§3)
  @Override
  public List<RemoteEvent> listEvents() {
    return rest.call("GET", "/events", null, B).as(new TypeReference<List<RemoteEvent>>() {});
  }

  @Override
  public RemoteEvent createEvent(EventInput in) {
    return rest.call("POST", "/events", in, B).as(RemoteEvent.class);
  }

  @Override
  public RemoteEvent updateEvent(String uid, EventInput in) {
    return rest.call("PUT", "/events/" + seg(uid), in, B).as(RemoteEvent.class);
  }

  @Override
  public void deleteEvent(String uid) {
    rest.call("DELETE", "/events/" + seg(uid), null, B).discard();
  }

  // --- audiences (§2)
  @Override
  public List<RemoteAudience> listAudiences() {
    return rest.call("GET", "/audiences", null, B).as(new TypeReference<List<RemoteAudience>>() {});
  }

  @Override
  public RemoteAudience createAudience(AudienceInput in) {
    return rest.call("POST", "/audiences", in, B).as(RemoteAudience.class);
  }

  @Override
  public RemoteAudience updateAudience(String uid, AudienceInput in) {
    return rest.call("PUT", "/audiences/" + seg(uid), in, B).as(RemoteAudience.class);
  }

  @Override
  public void deleteAudience(String uid) {
    rest.call("DELETE", "/audiences/" + seg(uid), null, B).discard();
  }

  // --- experiences (§4)
  @Override
  public List<RemoteExperience> listExperiences() {
    return rest.call("GET", "/experiences", null, B)
        .as(new TypeReference<List<RemoteExperience>>() {});
  }

  /**
   * Summary fields only, incl. {@code _cms} (poll this until {@link RemoteExperience#cmsReady()}).
   */
  @Override
  public RemoteExperience getExperience(String uid) {
    return rest.call("GET", "/experiences/" + seg(uid), null, B).as(RemoteExperience.class);
  }

  /** Creates the experience; the server also creates an empty DRAFT version. */
  @Override
  public RemoteExperience createExperience(ExperienceInput in) {
    return rest.call("POST", "/experiences", in, B).as(RemoteExperience.class);
  }

  @Override
  public RemoteExperience updateExperience(String uid, ExperienceInput in) {
    return rest.call("PUT", "/experiences/" + seg(uid), in, B).as(RemoteExperience.class);
  }

  /** Note: does not delete or unlink the CMS variant group (§4). */
  @Override
  public void deleteExperience(String uid) {
    rest.call("DELETE", "/experiences/" + seg(uid), null, B).discard();
  }

  // --- versions (§5)
  @Override
  public List<Version> listVersions(String experienceUid) {
    return rest.call("GET", "/experiences/" + seg(experienceUid) + "/versions", null, B)
        .as(new TypeReference<List<Version>>() {});
  }

  @Override
  public Version createVersion(String experienceUid, VersionInput in) {
    return rest.call("POST", "/experiences/" + seg(experienceUid) + "/versions", in, B)
        .as(Version.class);
  }

  /** Full replacement: {@code in} must carry status and all variants (decision 2). */
  @Override
  public Version updateVersion(String experienceUid, String versionUid, VersionInput in) {
    return rest.call(
            "PUT", "/experiences/" + seg(experienceUid) + "/versions/" + seg(versionUid), in, B)
        .as(Version.class);
  }

  public void deleteVersion(String experienceUid, String versionUid) {
    rest.call(
            "DELETE",
            "/experiences/" + seg(experienceUid) + "/versions/" + seg(versionUid),
            null,
            B)
        .discard();
  }

  // --- priority (§6, decision 6)
  /** Experience uids, highest priority first. */
  @Override
  public List<String> getPriority() {
    RestCaller.Call call = rest.call("GET", "/experiences-priority", null, B);
    JsonNode node = call.tree();
    JsonNode list =
        node.isArray() && ApiAssumptions.PRIORITY_GET_ACCEPTS_BARE_ARRAY
            ? node
            : node.get(ApiAssumptions.PRIORITY_FIELD);
    if (list == null || !list.isArray()) {
      throw badReply(call, "expected {\"" + ApiAssumptions.PRIORITY_FIELD + "\":[…]}");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : list) {
      if (!n.isTextual()) {
        throw badReply(call, ApiAssumptions.PRIORITY_FIELD + " holds a non-string item");
      }
      out.add(n.asText());
    }
    return List.copyOf(out);
  }

  /** Must hold every experience uid of the project, highest first (else MISSING_EXPERIENCES). */
  @Override
  public void setPriority(List<String> experienceUids) {
    ObjectNode body = rest.codec().mapper().createObjectNode();
    body.putPOJO(ApiAssumptions.PRIORITY_FIELD, List.copyOf(experienceUids));
    rest.call("PUT", "/experiences-priority", body, B).discard();
  }

  private static RemoteApiException badReply(RestCaller.Call call, String what) {
    var r = call.request();
    return new RemoteApiException(
        r.api(), r.method(), r.path(), 200, "unexpected reply: " + what, r.resource());
  }
}
