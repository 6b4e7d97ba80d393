package dev.cspctl.apply;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the lock event's description says: the lock ID (the run that holds it), who holds it, its
 * lease and when it expires unless renewed, e.g. {@code cspctl apply lock held by run 3f0c…
 * (ci@runner-7, pid 4242; lease 60 s) until 2026-12-06T21:00:00Z}. Locks written by earlier
 * versions ({@code … held by run ID until T}, a 30-minute expiry) still parse.
 */
record LockRecord(String id, String holder, Duration lease, Instant expires) {
  static final String PREFIX = "cspctl apply lock held by run ";
  static final Duration OLD_LEASE = Duration.ofMinutes(30);
  private static final Pattern FORMAT =
      Pattern.compile(
          Pattern.quote(PREFIX) + "(\\S+)(?: \\((.*); lease (\\d+) s\\))? until (\\S+)");

  String description() {
    return PREFIX + id + " (" + holder + "; lease " + lease.toSeconds() + " s) until " + expires;
  }

  LockRecord renewed(Instant now) {
    return new LockRecord(id, holder, lease, now.plus(lease));
  }

  boolean expiredAt(Instant now) {
    return expires.isBefore(now);
  }

  /** The record a description holds, or empty when it is not a cspctl lock description. */
  static Optional<LockRecord> parse(String description) {
    if (description == null) return Optional.empty();
    Matcher m = FORMAT.matcher(description.strip());
    if (!m.matches()) return Optional.empty();
    try {
      Instant expires = Instant.parse(m.group(4));
      Duration lease =
          m.group(3) == null ? OLD_LEASE : Duration.ofSeconds(Long.parseLong(m.group(3)));
      return Optional.of(
          new LockRecord(
              m.group(1),
              m.group(2) == null ? "an earlier cspctl version" : m.group(2),
              lease,
              expires));
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Who runs this process, for the error another apply prints: user, host, pid and the CI job if
   * any.
   */
  static String thisProcess(java.util.Map<String, String> env) {
    String user = System.getProperty("user.name", "unknown");
    String host = env.getOrDefault("HOSTNAME", env.getOrDefault("COMPUTERNAME", "unknown host"));
    String job = env.get("CI_JOB_URL");
    return user
        + "@"
        + host
        + ", pid "
        + ProcessHandle.current().pid()
        + (job == null || job.isBlank() ? "" : ", " + job.strip());
  }
}
