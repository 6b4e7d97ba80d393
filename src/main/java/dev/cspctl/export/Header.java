package dev.cspctl.export;

/** The first lines of every exported file: the schema for editors, and where the file came from. */
final class Header {
  static final String SCHEMA_BASE = "https://cspctl.dev/schemas/";

  private Header() {}

  static YamlOut start(String schema) {
    return new YamlOut()
        .raw("# yaml-language-server: $schema=" + SCHEMA_BASE + schema + ".schema.json")
        .comment(
            0,
            "Exported from the live project by 'cspctl export'. The uids in comments are for reference only:\n"
                + "cspctl matches resources by key and name.");
  }
}
