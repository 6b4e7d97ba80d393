package dev.cspctl.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes an export atomically: every file goes into a temporary folder, which is checked and then
 * moved into place. A new folder is moved in whole. Into an existing folder (with {@code force}
 * when it is not empty) only spec files move: the spec files already there are set aside, the new
 * ones moved in, and the old ones deleted; every other file (notes, CI files, other YAML) stays,
 * and hidden entries such as {@code .git} are never touched. A failure at any point leaves the
 * target as it was and removes the temporary folders.
 */
public final class ExportFolder {
  /** Writes one file; replaceable so tests can fail mid-write. */
  @FunctionalInterface
  public interface FileWriter {
    void write(Path file, String text) throws IOException;
  }

  /** Runs on the complete temporary folder before it is moved into place (e.g. validation). */
  @FunctionalInterface
  public interface Check {
    void check(Path completeFolder);
  }

  /** The target exists and is not an empty folder, and force was not given. */
  public static final class NotEmptyException extends RuntimeException {
    NotEmptyException(String message) {
      super(message);
    }
  }

  private final FileWriter writer;

  public ExportFolder() {
    this((f, text) -> Files.writeString(f, text));
  }

  public ExportFolder(FileWriter writer) {
    this.writer = writer;
  }

  /** Fails fast (before any API read) when {@link #write} would refuse the target. */
  public static void requireWritable(Path target, boolean force) {
    Path out = target.toAbsolutePath().normalize();
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new NotEmptyException(target + " exists and is not a folder");
    }
    if (Files.exists(out) && !isEmptyDir(out) && !force) {
      throw new NotEmptyException(
          target
              + " is not empty; choose another --out folder, or pass --force to replace"
              + " the spec files in it (other files and .git stay)");
    }
  }

  public void write(Path target, Map<String, String> files, boolean force, Check check) {
    requireWritable(target, force);
    Path out = target.toAbsolutePath().normalize();
    String id = UUID.randomUUID().toString().substring(0, 8);
    boolean exists = Files.isDirectory(out);
    // Into an existing folder the work happens inside it: its parent may not be writable (--out .).
    Path tmp =
        exists
            ? out.resolve(".cspctl-export-" + id)
            : out.getParent().resolve("." + out.getFileName() + ".cspctl-export-" + id);
    try {
      if (!exists) Files.createDirectories(out.getParent());
      Files.createDirectory(tmp);
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = tmp.resolve(f.getKey()).normalize();
        if (!file.startsWith(tmp))
          throw new IllegalArgumentException("file path escapes the export folder: " + f.getKey());
        Files.createDirectories(file.getParent());
        writer.write(file, f.getValue());
      }
      check.check(tmp);
      if (exists) new SpecFileSwap(out, tmp, out.resolve(".cspctl-old-" + id)).swap(files.keySet());
      else move(tmp, out);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the export to " + target + ": " + e.getMessage(), e);
    } finally {
      deleteTreeQuietly(tmp);
    }
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /**
   * Empty, or holding only {@code .cspctl} (the folder's sandbox state, which an export may read).
   */
  private static boolean isEmptyDir(Path p) {
    if (!Files.isDirectory(p)) return false;
    try (DirectoryStream<Path> s =
        Files.newDirectoryStream(p, e -> !e.getFileName().toString().equals(".cspctl"))) {
      return !s.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  private static void deleteTreeQuietly(Path root) {
    try {
      deleteTree(root);
    } catch (IOException | UncheckedIOException e) {
      // best effort: a leftover hidden temporary folder holds no partial export in the target
    }
  }
}
