package dev.cspctl.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The lock beside a sandbox state file ({@code sandbox.json.lock}). Each {@code --sandbox} command
 * runs its own emulator over the file, and {@code cspctl emulator --state} keeps it in memory until
 * it stops, so two holders would lose each other's writes. Sandbox commands wait for each other; a
 * sandbox command and the emulator refuse to share a file. The lock file names its holder, so the
 * refusal can say who it is.
 */
final class StateFileLock implements AutoCloseable {
  static final String EMULATOR = "cspctl emulator";
  static final String SANDBOX = "cspctl --sandbox";

  private final FileChannel channel;
  private final FileLock lock;

  private StateFileLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static Path lockFile(Path state) {
    return state.resolveSibling(state.getFileName() + ".lock");
  }

  /**
   * For a sandbox command: waits for another sandbox command, refuses when the emulator serves the
   * file.
   */
  static StateFileLock forSandbox(Path state, Consumer<String> waiting) {
    Path file = lockFile(state);
    FileChannel channel = open(file, state);
    try {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String holder = holder(file);
        if (holder.startsWith(EMULATOR)) {
          close(channel);
          throw new UserException(
              "the sandbox state "
                  + state
                  + " is held by '"
                  + holder
                  + "', which would overwrite"
                  + " this command's changes when it stops; stop it first, or talk to it with --personalize-url and --cma-url");
        }
        waiting.accept("Waiting for another cspctl that is using the sandbox (" + file + ")...");
        lock = channel.lock();
      }
      mark(channel, SANDBOX);
      return new StateFileLock(channel, lock);
    } catch (IOException e) {
      close(channel);
      throw new UserException("cannot lock the sandbox state " + state + ": " + e.getMessage());
    }
  }

  /**
   * For {@code cspctl emulator --state}: refuses a file a sandbox command (or another emulator) is
   * using.
   */
  static StateFileLock forEmulator(Path state) {
    Path file = lockFile(state);
    FileChannel channel = open(file, state);
    try {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String holder = holder(file);
        close(channel);
        throw new UserException(
            "--state "
                + state
                + " is in use by '"
                + holder
                + "'; the sandbox and the emulator cannot"
                + " share a state file (one would lose the other's writes): give the emulator another file");
      }
      mark(channel, EMULATOR);
      return new StateFileLock(channel, lock);
    } catch (IOException e) {
      close(channel);
      throw new UserException("cannot lock the state file " + state + ": " + e.getMessage());
    }
  }

  private static FileChannel open(Path file, Path state) {
    try {
      if (file.toAbsolutePath().getParent() != null)
        Files.createDirectories(file.toAbsolutePath().getParent());
      return FileChannel.open(
          file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UserException("cannot lock the state file " + state + ": " + e.getMessage());
    }
  }

  /** Null when another process, or another command in this JVM, holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static void mark(FileChannel channel, String who) throws IOException {
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap(
            (who + " (pid " + ProcessHandle.current().pid() + ")\n")
                .getBytes(StandardCharsets.UTF_8)),
        0);
    channel.force(false);
  }

  private static String holder(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "another cspctl" : text;
    } catch (IOException e) {
      return "another cspctl";
    }
  }

  private static void close(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing held
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the OS releases the lock when the process ends
    }
  }
}
