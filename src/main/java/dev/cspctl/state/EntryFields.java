package dev.cspctl.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** Separates an entry variant's content fields from the server-set ones. */
public final class EntryFields {
  /** Top-level keys set by the server, not content (§9 response). */
  public static final Set<String> SYSTEM_FIELDS =
      Set.of(
          "_variant",
          "uid",
          "locale",
          "_version",
          "created_at",
          "updated_at",
          "created_by",
          "updated_by",
          "ACL",
          "_in_progress",
          "publish_details",
          "_workflow",
          "_rules",
          "_branch",
          "_owner",
          "_content_type_uid");

  private EntryFields() {}

  /** A copy of {@code entry} without {@link #SYSTEM_FIELDS}. */
  public static ObjectNode content(ObjectNode entry) {
    ObjectNode copy = entry.deepCopy();
    copy.remove(SYSTEM_FIELDS);
    return copy;
  }
}
