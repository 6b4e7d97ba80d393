package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether an attribute, audience or event is still referenced (for delete checks). */
final class References {
  private References() {}

  static boolean inUse(EmulatorState s, String kind, String uid) {
    return switch (kind) {
      case "ATTRIBUTES" ->
          s.audiences.values().stream().anyMatch(a -> refersTo(a.path("definition"), uid));
      case "AUDIENCES" -> versions(s, "variants", "audiences", uid) || targets(s, uid);
      case "EVENTS" ->
          s.experiences.values().stream()
              .flatMap(e -> e.versions.stream())
              .filter(
                  v ->
                      EmulatorAssumptions.ARCHIVED_VERSIONS_HOLD_REFERENCES
                          || !EmulatorAssumptions.ARCHIVED.equals(Json.text(v, "status")))
              .anyMatch(v -> contains(v.path("metrics"), m -> uid.equals(Json.text(m, "event"))));
      default -> false;
    };
  }

  private static boolean refersTo(JsonNode n, String attributeUid) {
    if ("Rule".equals(Json.text(n, "__type"))) {
      JsonNode a = n.path("attribute");
      return "CustomAttributeReference".equals(Json.text(a, "__type"))
          && attributeUid.equals(Json.text(a, "ref"));
    }
    return contains(n.path("rules"), r -> refersTo(r, attributeUid));
  }

  /**
   * Versions that are not ARCHIVED count as references (see
   * EmulatorAssumptions.ARCHIVED_VERSIONS_HOLD_REFERENCES).
   */
  private static boolean versions(EmulatorState s, String list, String field, String uid) {
    return s.experiences.values().stream()
        .flatMap(e -> e.versions.stream())
        .filter(
            v ->
                EmulatorAssumptions.ARCHIVED_VERSIONS_HOLD_REFERENCES
                    || !EmulatorAssumptions.ARCHIVED.equals(Json.text(v, "status")))
        .anyMatch(
            v -> contains(v.path(list), x -> contains(x.path(field), a -> uid.equals(a.asText()))));
  }

  /** An A/B target group of a version that is not ARCHIVED. */
  private static boolean targets(EmulatorState s, String uid) {
    return s.experiences.values().stream()
        .flatMap(e -> e.versions.stream())
        .filter(v -> !EmulatorAssumptions.ARCHIVED.equals(Json.text(v, "status")))
        .anyMatch(
            v ->
                contains(
                    v.path("targeting").path("audience").path("audiences"),
                    a -> uid.equals(a.asText())));
  }

  private static boolean contains(JsonNode arr, java.util.function.Predicate<JsonNode> p) {
    for (JsonNode n : arr) {
      if (p.test(n)) {
        return true;
      }
    }
    return false;
  }
}
