package dev.cspctl.plan;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cspctl's ownership marker, at the end of a live resource's description. It names who manages the
 * resource and in which project:
 *
 * <pre>Paying premium customers [managed by cspctl owner=web-team project=65f0c0ffee0123456789abcd]
 * </pre>
 *
 * A resource is managed by this spec folder when its marker names this folder's {@code owner}
 * (cspctl.yaml, default {@value #DEFAULT_OWNER}) and this project. A marker naming another project
 * is a copy (Contentstack's CLI export/import copies descriptions verbatim), and one naming another
 * owner belongs to another spec repository: both are adopted when a spec names them and are never
 * pruned. The marker of earlier versions, {@value #LEGACY_MARKER}, still counts as managed and is
 * replaced by the full marker on the resource's next write. Markers are ignored when descriptions
 * are compared.
 */
public final class Ownership {
  /** The marker of earlier versions (and of an {@link #ANY} planner in tests). */
  public static final String LEGACY_MARKER = "[managed by cspctl]";

  /** The same as {@link #LEGACY_MARKER}, under its earlier name. */
  public static final String MARKER = LEGACY_MARKER;

  public static final String DEFAULT_OWNER = "default";

  /** Who may be named as owner: it has to fit in the marker and read well in the UI. */
  public static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

  /**
   * Key of the event that {@code cspctl apply} holds as a project-wide lock while it runs ({@code
   * dev.cspctl.apply.ProjectLock}). The planner never plans, counts or prunes it.
   */
  public static final String LOCK_EVENT_KEY = "cspctl_apply_lock";

  /** No identity: every cspctl marker is managed, and the legacy marker is written. */
  public static final Ownership ANY = new Ownership(null, null);

  private static final Pattern ANY_MARKER =
      Pattern.compile(
          "\\s*\\[managed by cspctl(?: owner=([^\\s\\]]+))?(?: project=([^\\s\\]]+))?\\]");

  /** Whose a live description says the resource is. */
  public enum Claim {
    /** no marker: made in the UI or by another tool */
    NONE,
    /** this owner in this project */
    OURS,
    /** the marker of earlier versions: managed, rewritten on the next write */
    LEGACY,
    /** another spec repository's, in this project */
    OTHER_OWNER,
    /** written in another project: this one is a copy */
    OTHER_PROJECT
  }

  private final String owner;
  private final String project;

  private Ownership(String owner, String project) {
    this.owner = owner;
    this.project = project;
  }

  /**
   * The ownership of one spec folder in one project.
   *
   * @param owner cspctl.yaml's {@code owner} (null: {@value #DEFAULT_OWNER})
   * @param project the target project uid
   */
  public static Ownership of(String owner, String project) {
    String o = owner == null || owner.isBlank() ? DEFAULT_OWNER : owner.strip();
    if (!OWNER.matcher(o).matches())
      throw new IllegalArgumentException("owner '" + o + "' does not match " + OWNER.pattern());
    return new Ownership(o, project == null || project.isBlank() ? null : project.strip());
  }

  public String owner() {
    return owner;
  }

  /** The marker this planner writes. */
  public String marker() {
    if (owner == null) return LEGACY_MARKER;
    return "[managed by cspctl owner="
        + owner
        + (project == null ? "" : " project=" + project)
        + "]";
  }

  public Claim claim(String description) {
    if (description == null) return Claim.NONE;
    Matcher m = ANY_MARKER.matcher(description);
    Claim best = Claim.NONE;
    while (m.find()) {
      Claim c = claimOf(m.group(1), m.group(2));
      if (c == Claim.OURS) return c;
      if (best == Claim.NONE || c == Claim.LEGACY) best = c;
    }
    return best;
  }

  private Claim claimOf(String markedOwner, String markedProject) {
    if (markedOwner == null && markedProject == null) return Claim.LEGACY;
    if (owner == null) return Claim.OURS;
    if (markedProject != null && project != null && !markedProject.equals(project))
      return Claim.OTHER_PROJECT;
    return Objects.equals(markedOwner, owner) ? Claim.OURS : Claim.OTHER_OWNER;
  }

  /** Managed by this spec folder: may be updated without adoption and pruned. */
  public boolean owns(String description) {
    Claim c = claim(description);
    return c == Claim.OURS || c == Claim.LEGACY;
  }

  /** The description to send: the user's text followed by this planner's marker. */
  public String marked(String description) {
    String d = strip(description);
    return d.isEmpty() ? marker() : d + " " + marker();
  }

  /** Why a resource that carries a marker is adopted rather than managed: for the plan's notes. */
  public List<String> adoptionNotes(String description) {
    Matcher m = ANY_MARKER.matcher(description == null ? "" : description);
    if (!m.find()) return List.of();
    return switch (claim(description)) {
      case OTHER_PROJECT ->
          List.of(
              "its ownership marker names project "
                  + m.group(2)
                  + ": a copy of another project, so it is adopted here rather than treated as managed");
      case OTHER_OWNER ->
          List.of(
              "its ownership marker names owner '"
                  + (m.group(1) == null ? "?" : m.group(1))
                  + "': apply takes it over from that owner's specs (owner '"
                  + owner
                  + "' here)");
      default -> List.of();
    };
  }

  /**
   * The owner that a description's marker names in this project (old markers and other projects'
   * name none).
   */
  public static java.util.Optional<String> ownerIn(String description, String project) {
    Matcher m = ANY_MARKER.matcher(description == null ? "" : description);
    while (m.find()) {
      if (m.group(1) != null
          && (m.group(2) == null || project == null || m.group(2).equals(project))) {
        return java.util.Optional.of(m.group(1));
      }
    }
    return java.util.Optional.empty();
  }

  /** Whether the description carries any cspctl marker, whoever it names. */
  public static boolean isManaged(String description) {
    return ANY.owns(description);
  }

  /** The description as the user wrote it: every cspctl marker and the space before it removed. */
  public static String strip(String description) {
    if (description == null) return "";
    return ANY_MARKER.matcher(description).replaceAll("").strip();
  }

  /** The description with the marker of earlier versions ({@link #ANY}). */
  public static String mark(String description) {
    return ANY.marked(description);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ownership other
        && Objects.equals(owner, other.owner)
        && Objects.equals(project, other.project);
  }

  @Override
  public int hashCode() {
    return Objects.hash(owner, project);
  }

  @Override
  public String toString() {
    return marker();
  }
}
