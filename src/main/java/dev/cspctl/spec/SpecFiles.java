package dev.cspctl.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What kind of file system object a path is, in words, for errors about files that are not regular.
 */
final class SpecFiles {
  private SpecFiles() {}

  static String describeType(Path path) {
    boolean link = Files.isSymbolicLink(path);
    if (link && !Files.exists(path)) return "a broken symbolic link";
    String what = typeOf(path);
    return link ? "a symbolic link to " + what : what;
  }

  private static String typeOf(Path path) {
    if (Files.isDirectory(path)) return "a folder";
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode");
      return switch (mode & 0170000) {
        case 0010000 -> "a FIFO";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException
        | UnsupportedOperationException
        | IllegalArgumentException
        | SecurityException e) {
      return "a special file";
    }
  }
}
