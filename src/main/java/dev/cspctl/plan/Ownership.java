package dev.cspctl.plan;

/**
 * cspctl's ownership marker. A live resource is managed when its description carries the
 * marker; cspctl writes it on create and adopt, and ignores it when comparing descriptions.
 */
public final class Ownership {
  public static final String MARKER = "[managed by cspctl]";

  /**
   * Key of the event that {@code cspctl apply} holds as a project-wide lock while it runs
   * ({@code dev.cspctl.apply.ProjectLock}). The planner never plans, counts or prunes it.
   */
  public static final String LOCK_EVENT_KEY = "cspctl_apply_lock";

  private Ownership() {}

  public static boolean isManaged(String description) {
    return description != null && description.contains(MARKER);
  }

  /** The description as the user wrote it: marker and the space before it removed. */
  public static String strip(String description) {
    if (description == null) return "";
    int at = description.indexOf(MARKER);
    if (at < 0) return description;
    String without = description.substring(0, at) + description.substring(at + MARKER.length());
    return without.strip();
  }

  /** The description to send: the user's text followed by the marker. */
  public static String mark(String description) {
    String d = strip(description);
    return d.isEmpty() ? MARKER : d + " " + MARKER;
  }
}
