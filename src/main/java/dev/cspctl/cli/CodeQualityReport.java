package dev.cspctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.plan.Fingerprints;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitLab's Code Quality report ({@code artifacts:reports:codequality}): a JSON array with one
 * finding per validation error or warning, each with a description, check name, severity, location
 * (path and line) and a fingerprint. The fingerprint hashes the check, file, field and message but
 * not the line, so a finding keeps its identity when lines above it move and GitLab shows it as
 * unchanged rather than fixed-and-new.
 */
final class CodeQualityReport {
  private static final ObjectMapper M =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** GitLab's severities: info, minor, major, critical, blocker. */
  enum Severity {
    MINOR,
    MAJOR;

    String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  record Finding(
      String check, Severity severity, String file, int line, String field, String message) {}

  private final List<Finding> findings = new ArrayList<>();
  private final java.nio.file.Path base;

  /**
   * @param base the repository root (CI_PROJECT_DIR, else the working directory): GitLab wants
   *     paths relative to it
   */
  CodeQualityReport(java.nio.file.Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  void add(Finding f) {
    findings.add(f);
  }

  private String relative(String file) {
    java.nio.file.Path p = java.nio.file.Path.of(file).toAbsolutePath().normalize();
    return (p.startsWith(base) ? base.relativize(p) : p).toString().replace('\\', '/');
  }

  String render() {
    ArrayNode out = M.createArrayNode();
    Map<String, Integer> seen = new HashMap<>();
    for (Finding f : findings) {
      String identity =
          f.check() + "\u0000" + f.file() + "\u0000" + f.field() + "\u0000" + f.message();
      int n = seen.merge(identity, 1, Integer::sum);
      ObjectNode o = out.addObject();
      o.put("description", f.field().isEmpty() ? f.message() : f.field() + ": " + f.message());
      o.put("check_name", f.check());
      o.put(
          "fingerprint",
          Fingerprints.digest((identity + "\u0000" + n).getBytes(StandardCharsets.UTF_8))
              .substring(0, 32));
      o.put("severity", f.severity().json());
      ObjectNode location = o.putObject("location");
      location.put("path", relative(f.file()));
      location.putObject("lines").put("begin", Math.max(1, f.line()));
    }
    try {
      return M.writeValueAsString(out) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
