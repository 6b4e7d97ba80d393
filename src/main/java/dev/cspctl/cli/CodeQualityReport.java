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
 * finding per validation error or warning, each with a description, check name, severity,
 * location (path and line) and a fingerprint. The fingerprint hashes the check, file, field
 * and message but not the line, so a finding keeps its identity when lines above it move and
 * GitLab shows it as unchanged rather than fixed-and-new.
 */
final class CodeQualityReport {
  private static final ObjectMapper M = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** GitLab's severities: info, minor, major, critical, blocker. */
  enum Severity {
    MINOR,
    MAJOR;

    String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  record Finding(String check, Severity severity, String file, int line, String field, String message) {}

  private final List<Finding> findings = new ArrayList<>();

  void add(Finding f) {
    findings.add(f);
  }

  String render() {
    ArrayNode out = M.createArrayNode();
    Map<String, Integer> seen = new HashMap<>();
    for (Finding f : findings) {
      String identity = f.check() + "\u0000" + f.file() + "\u0000" + f.field() + "\u0000" + f.message();
      int n = seen.merge(identity, 1, Integer::sum);
      ObjectNode o = out.addObject();
      o.put("description", f.field().isEmpty() ? f.message() : f.field() + ": " + f.message());
      o.put("check_name", f.check());
      o.put("fingerprint", Fingerprints.digest((identity + "\u0000" + n).getBytes(StandardCharsets.UTF_8)).substring(0, 32));
      o.put("severity", f.severity().json());
      ObjectNode location = o.putObject("location");
      location.put("path", f.file().replace('\\', '/'));
      location.putObject("lines").put("begin", Math.max(1, f.line()));
    }
    try {
      return M.writeValueAsString(out) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
