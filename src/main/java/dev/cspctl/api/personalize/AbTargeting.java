package dev.cspctl.api.personalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The one mapper for an A/B version's {@code targeting} (its target group). The inner shape is an
 * [inf] (contentstack-api.md §14: the OpenAPI schema names the field, not its content); we read it
 * as the audience form that older CLI exports carry ({@code targeting.audience}): {@code
 * {"audience":{"audiences":[uid…],"audienceCombinationType":"OR"|"AND"}}}. Everyone is an absent
 * (null) {@code targeting}. Changing the shape is a change to this class only.
 */
public final class AbTargeting {
  /** The target group: audience uids and how they combine (OR / AND). Empty = everyone. */
  public record Group(List<String> audienceUids, String combinationType) {
    public Group {
      audienceUids = audienceUids == null ? List.of() : List.copyOf(audienceUids);
      combinationType = combinationType == null ? "OR" : combinationType;
    }

    public static final Group EVERYONE = new Group(List.of(), "OR");

    public boolean everyone() {
      return audienceUids.isEmpty();
    }
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AbTargeting() {}

  /** The wire value; null (field omitted) for everyone. */
  public static JsonNode toWire(Group g) {
    if (g == null || g.everyone()) return null;
    ObjectNode t = JSON.objectNode();
    ObjectNode a = t.putObject("audience");
    g.audienceUids().forEach(a.putArray("audiences")::add);
    a.put("audienceCombinationType", g.combinationType());
    return t;
  }

  /** Reads the wire value; anything without audiences is everyone. */
  public static Group fromWire(JsonNode targeting) {
    if (targeting == null || !targeting.isObject()) return Group.EVERYONE;
    JsonNode a = targeting.path("audience");
    List<String> uids = new ArrayList<>();
    a.path("audiences").forEach(n -> uids.add(n.asText()));
    return new Group(uids, a.path("audienceCombinationType").asText("OR"));
  }
}
