package dev.cspctl.spec;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .cspctlignore} of a spec folder: one glob per line, relative to the folder, as in
 * {@code .gitignore}. A pattern without a slash matches a file or folder name at any depth ({@code
 * docker-compose.yml}, {@code *.local.yaml}); one with a slash matches the path from the folder
 * ({@code ci/*.yml}); a trailing slash matches a folder and everything in it ({@code deploy/}).
 * Blank lines and lines starting with {@code #} are skipped.
 */
public final class IgnoreList {
  public static final String FILE = ".cspctlignore";

  private record Rule(PathMatcher matcher, boolean anyDepth, boolean folder) {}

  private final List<Rule> rules;

  private IgnoreList(List<Rule> rules) {
    this.rules = rules;
  }

  public static IgnoreList of(Path dir, List<SpecError> errors, String shownFile) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) return new IgnoreList(List.of());
    List<Rule> rules = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        boolean folder = line.endsWith("/");
        String glob = folder ? line.substring(0, line.length() - 1) : line;
        if (glob.startsWith("/")) glob = glob.substring(1);
        try {
          rules.add(
              new Rule(
                  FileSystems.getDefault().getPathMatcher("glob:" + glob),
                  !glob.contains("/"),
                  folder));
        } catch (IllegalArgumentException e) {
          errors.add(
              new SpecError(
                  shownFile, i + 1, 1, "", "invalid pattern '" + line + "': " + e.getMessage()));
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      errors.add(SpecError.whole(shownFile, "cannot read: " + e.getMessage()));
    }
    return new IgnoreList(rules);
  }

  /** Whether {@code relative} (a file below the spec folder) or one of its folders is ignored. */
  public boolean ignores(Path relative) {
    int parts = relative.getNameCount();
    for (Rule r : rules) {
      for (int i = 0; i < parts; i++) {
        boolean isFolderPart = i < parts - 1;
        if (r.folder && !isFolderPart) continue;
        Path candidate = r.anyDepth ? relative.getName(i) : relative.subpath(0, i + 1);
        if (r.matcher.matches(candidate)) return true;
      }
    }
    return false;
  }
}
