package dev.cspctl.api.cma;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.cspctl.api.http.Wire;

/** {@code {"uid":"ct","status":"linked"|"unlinked"}} in a variant group's content_types. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContentTypeLink(String uid, String status) {
  public static final String LINKED = "linked";
  public static final String UNLINKED = "unlinked";

  public ContentTypeLink {
    Wire.required(uid, "content_types[].uid");
  }

  public static ContentTypeLink linked(String uid) {
    return new ContentTypeLink(uid, LINKED);
  }

  public boolean isLinked() {
    return status == null || LINKED.equals(status);
  }
}
