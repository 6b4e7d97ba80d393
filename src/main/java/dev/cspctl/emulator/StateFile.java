package dev.cspctl.emulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Saves and loads {@link EmulatorState} as JSON. Saving writes a temp file in the same directory,
 * fsyncs it, then renames it over the target atomically, so a crash mid-save leaves the old file.
 */
public final class StateFile {
  /** Test hook run after the temp file is written and synced, before the rename. */
  interface BeforeRename {
    void run(Path tempFile) throws IOException;
  }

  private StateFile() {}

  public static void save(EmulatorState state, Path target) {
    save(state, target, temp -> {});
  }

  static void save(EmulatorState state, Path target, BeforeRename hook) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
      temp = Files.createTempFile(dir, abs.getFileName().toString() + ".", ".tmp");
      try (FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      hook.run(temp);
      Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      syncDirectory(dir);
    } catch (IOException e) {
      throw new EmulatorStateException(
          "Cannot save emulator state to " + abs + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the target file is untouched either way
        }
      }
    }
  }

  public static EmulatorState load(Path file) {
    Path abs = file.toAbsolutePath();
    try {
      EmulatorState s = Json.MAPPER.readValue(abs.toFile(), EmulatorState.class);
      if (s == null) {
        throw new IOException("file is empty");
      }
      return s;
    } catch (IOException | RuntimeException e) {
      throw new EmulatorStateException(
          "Cannot load emulator state from " + abs + " (corrupt or unreadable): " + e.getMessage(),
          e);
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException ignored) {
      // not supported on every platform; the rename itself is atomic
    }
  }
}
