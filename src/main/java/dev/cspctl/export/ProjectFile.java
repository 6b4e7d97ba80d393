package dev.cspctl.export;

/**
 * {@code cspctl.yaml} of an export. No secrets: credentials always come from the environment.
 * {@code publish.environments} is empty on purpose: an export must not decide where content is
 * published, so apply writes entry variants but publishes none until environments are named.
 */
final class ProjectFile {
  private ProjectFile() {}

  static String render(ExportSettings s) {
    return render(s, null);
  }

  /**
   * @param owner the owner the live ownership markers name, written so that plan sees them as
   *     managed; null: none
   */
  static String render(ExportSettings s, String owner) {
    YamlOut y =
        new YamlOut()
            .raw("# yaml-language-server: $schema=" + Header.SCHEMA_BASE + "cspctl.schema.json")
            .comment(
                0,
                "Project settings, exported by 'cspctl export'. No secrets here: credentials come from the environment.");
    if (s.project() != null) {
      y.field(
          0,
          "project",
          s.project(),
          "Personalize project uid; CONTENTSTACK_PERSONALIZE_PROJECT_UID overrides");
    }
    if (s.stack() != null)
      y.field(0, "stack", s.stack(), "stack API key; CONTENTSTACK_API_KEY overrides");
    if (s.region() != null) {
      y.field(0, "region", s.region(), null);
    } else {
      y.comment(
          0,
          "region: na   # not known at export time; set it, or pass --region / CONTENTSTACK_REGION");
    }
    if (s.branch() != null) y.field(0, "branch", s.branch(), null);
    y.key(0, "publish", null)
        .comment(
            2,
            "Empty on purpose: apply writes entry variants but publishes them nowhere until you name\n"
                + "the environments here, e.g. [production].")
        .raw("  environments: []");
    y.field(2, "locales", YamlOut.strings(s.locales()), null)
        .raw("  method: bulk")
        .raw("prune: false");
    if (owner != null)
      y.field(0, "owner", owner, "named by the ownership markers of the exported resources");
    return y.toString();
  }
}
