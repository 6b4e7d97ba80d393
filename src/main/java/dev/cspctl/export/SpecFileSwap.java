package dev.cspctl.export;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replaces the spec files of an existing folder with those of a complete export, leaving everything
 * else in it alone. Old spec files are those the export writes plus any YAML file that declares a
 * cspctl {@code kind} (a resource the live project no longer has); files and folders whose name
 * starts with a dot are never looked at. On failure the old files are put back.
 */
final class SpecFileSwap {
  private static final Pattern SPEC_KIND =
      Pattern.compile(
          "kind:\\s*[\"']?(Attribute|Event|Audience|Experience|Priority)[\"']?\\s*(#.*)?");

  private final Path out;
  private final Path fresh;
  private final Path backup;

  SpecFileSwap(Path out, Path fresh, Path backup) {
    this.out = out;
    this.fresh = fresh;
    this.backup = backup;
  }

  void swap(Collection<String> newFiles) throws IOException {
    Set<Path> old = new LinkedHashSet<>(existingSpecFiles());
    for (String f : newFiles) {
      Path p = out.resolve(f).normalize();
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) old.add(p);
    }
    List<Path> setAside = new ArrayList<>();
    List<Path> movedIn = new ArrayList<>();
    try {
      Files.createDirectory(backup);
      for (Path p : old) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException(out.relativize(p) + " is a folder where the export writes a file");
        }
        Path aside = backup.resolve(out.relativize(p).toString());
        Files.createDirectories(aside.getParent());
        ExportFolder.move(p, aside);
        setAside.add(p);
      }
      for (String f : newFiles) {
        Path to = out.resolve(f).normalize();
        Files.createDirectories(to.getParent());
        ExportFolder.move(fresh.resolve(f), to);
        movedIn.add(to);
      }
    } catch (IOException | RuntimeException e) {
      for (Path p : movedIn) Files.deleteIfExists(p);
      for (Path p : setAside) ExportFolder.move(backup.resolve(out.relativize(p).toString()), p);
      ExportFolder.deleteTree(backup);
      throw e;
    }
    ExportFolder.deleteTree(backup);
    for (Path p : old) removeEmptyParents(p.getParent());
  }

  private List<Path> existingSpecFiles() throws IOException {
    List<Path> found = new ArrayList<>();
    collect(out, found);
    return found;
  }

  private void collect(Path dir, List<Path> found) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) continue;
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) collect(p, found);
        else if (isSpecFile(p, name)) found.add(p);
      }
    }
  }

  private boolean isSpecFile(Path p, String name) {
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
        || !(name.endsWith(".yaml") || name.endsWith(".yml"))) return false;
    if (p.equals(out.resolve("cspctl.yaml"))) return true;
    try (Stream<String> lines = Files.lines(p)) {
      return lines.limit(10_000).anyMatch(l -> SPEC_KIND.matcher(l).matches());
    } catch (IOException | java.io.UncheckedIOException e) {
      return false; // not readable as text: not a spec file this export wrote
    }
  }

  private void removeEmptyParents(Path dir) throws IOException {
    for (Path d = dir; d != null && d.startsWith(out) && !d.equals(out); d = d.getParent()) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
        if (s.iterator().hasNext()) return;
      }
      Files.delete(d);
    }
  }
}
