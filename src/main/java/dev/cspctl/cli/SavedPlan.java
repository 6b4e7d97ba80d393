package dev.cspctl.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.plan.Fingerprints;
import dev.cspctl.plan.Plan;
import dev.cspctl.plan.PlanJson;
import dev.cspctl.plan.render.JsonRenderer;
import dev.cspctl.spec.PublishSettings;
import dev.cspctl.state.EntryKey;
import dev.cspctl.state.ReadScope;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A plan saved with {@code plan --out}: the plan, the spec digest, the git commit, the fingerprint
 * of every live object it read, and whether it has been applied. No secrets.
 */
record SavedPlan(
    Plan plan,
    String planId,
    String specDigest,
    Map<String, String> fingerprints,
    ReadScope scope,
    PublishSettings publish,
    String appliedAt,
    dev.cspctl.spec.ProjectConfig target,
    TargetIdentity identity,
    ObjectNode raw) {
  private static final ObjectMapper M =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static ObjectNode create(
      Workspace.Planned p, Path specDir, TargetIdentity identity, String commit) {
    return create(p, specDir, identity, commit, null, null);
  }

  /**
   * The saved plan's JSON for a plan made for one target.
   *
   * @param targetName the targets: entry planned for (null: the top-level settings)
   * @param owner its owner, if any
   */
  static ObjectNode create(
      Workspace.Planned p,
      Path specDir,
      TargetIdentity identity,
      String commit,
      String targetName,
      String owner) {
    ObjectNode root = JsonRenderer.toJson(p.plan());
    ObjectNode saved = M.createObjectNode();
    saved.put("plan_id", UUID.randomUUID().toString());
    saved.put("operations_version", PlanJson.OPERATIONS_VERSION);
    saved.put("created_at", Instant.now().toString());
    saved.put("spec_digest", specDigest(specDir));
    if (commit == null) saved.putNull("git_commit");
    else saved.put("git_commit", commit);
    ObjectNode target = saved.putObject("target");
    if (targetName != null) target.put("name", targetName);
    if (owner != null) target.put("owner", owner);
    var project = p.desired().project();
    target.put("project", project == null ? null : project.project());
    target.put("stack", project == null ? null : project.stack());
    target.put("region", project == null ? null : project.region());
    target.put("branch", project == null ? null : project.branch());
    target.put("sandbox", identity.sandbox());
    // The effective target (flags and environment applied), which apply compares with its own.
    ObjectNode applied = target.putObject("resolved");
    applied.put("personalize_url", identity.personalizeUrl());
    applied.put("cma_url", identity.cmaUrl());
    applied.put("project", identity.project());
    applied.put("stack", identity.stack());
    applied.put("branch", identity.branch());
    applied.put("sandbox_state", identity.sandboxState());
    identity.flags().forEach(applied.putArray("flags")::add);
    ObjectNode fp = saved.putObject("fingerprints");
    new TreeMap<>(Fingerprints.of(p.desired(), p.live())).forEach(fp::put);
    ArrayNode scope = saved.putArray("scope");
    // [content type, entry, locale, then the experiences writing it]: apply checks freshness with
    // the same reads the plan made (an entry no live experience writes is only checked to exist)
    for (EntryKey k : p.scope().entries()) {
      ArrayNode key = scope.addArray().add(k.contentType()).add(k.entryUid()).add(k.locale());
      p.scope().writers().getOrDefault(k, java.util.Set.of()).stream().sorted().forEach(key::add);
    }
    PublishSettings publish =
        p.desired().project() == null
            ? new PublishSettings(List.of(), List.of(), PublishSettings.PublishMethod.BULK)
            : p.desired().project().publish();
    ObjectNode pub = saved.putObject("publish");
    publish.environments().forEach(pub.putArray("environments")::add);
    publish.locales().forEach(pub.putArray("locales")::add);
    pub.put("method", publish.method().name().toLowerCase(Locale.ROOT));
    saved.putNull("applied_at");
    ObjectNode out = M.createObjectNode();
    out.put("format_version", root.get("format_version").asText());
    out.set("saved", saved);
    root.fields()
        .forEachRemaining(
            f -> {
              if (!f.getKey().equals("format_version")) out.set(f.getKey(), f.getValue());
            });
    return out;
  }

  /** The {@code targets:} name the plan was made for, or null (the top-level settings). */
  String targetName() {
    JsonNode name = raw.path("saved").path("target").path("name");
    return name.isTextual() ? name.asText() : null;
  }

  static boolean looksLikePlan(Path p) {
    return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json");
  }

  static SavedPlan read(Path file) {
    JsonNode root;
    try {
      root = M.readTree(file.toFile());
    } catch (IOException e) {
      throw new UserException(
          file
              + ": not a readable plan file ("
              + e.getMessage().lines().findFirst().orElse("")
              + ")");
    }
    JsonNode saved = root.path("saved");
    if (!root.isObject() || !saved.isObject()) {
      throw new UserException(
          file + ": not a saved plan (no 'saved' block); make one with 'cspctl plan --out FILE'");
    }
    if (saved.path("operations_version").asInt(0) != PlanJson.OPERATIONS_VERSION) {
      throw new UserException(
          file
              + ": the plan was made by an older cspctl (its steps are not typed operations,"
              + " operations_version "
              + PlanJson.OPERATIONS_VERSION
              + "); make a new plan with 'cspctl plan --out FILE'");
    }
    Plan plan;
    try {
      plan = PlanJson.read(root);
    } catch (RuntimeException e) {
      throw new UserException(file + ": invalid plan: " + e.getMessage());
    }
    Map<String, String> fp = new TreeMap<>();
    saved
        .path("fingerprints")
        .fields()
        .forEachRemaining(f -> fp.put(f.getKey(), f.getValue().asText()));
    List<EntryKey> keys = new ArrayList<>();
    java.util.Map<EntryKey, java.util.Set<String>> writers = new java.util.HashMap<>();
    for (JsonNode k : saved.path("scope")) {
      EntryKey key = new EntryKey(k.get(0).asText(), k.get(1).asText(), k.get(2).asText());
      keys.add(key);
      java.util.Set<String> names = new java.util.TreeSet<>();
      for (int i = 3; i < k.size(); i++) names.add(k.get(i).asText());
      if (!names.isEmpty()) writers.put(key, names);
    }
    JsonNode pub = saved.path("publish");
    List<String> envs = new ArrayList<>();
    pub.path("environments").forEach(n -> envs.add(n.asText()));
    List<String> locales = new ArrayList<>();
    pub.path("locales").forEach(n -> locales.add(n.asText()));
    PublishSettings publish =
        new PublishSettings(
            envs,
            locales,
            "entry".equals(pub.path("method").asText())
                ? PublishSettings.PublishMethod.ENTRY
                : PublishSettings.PublishMethod.BULK);
    String applied = saved.path("applied_at").isTextual() ? saved.get("applied_at").asText() : null;
    JsonNode t = saved.path("target");
    var target =
        new dev.cspctl.spec.ProjectConfig(
            text(t, "project"),
            text(t, "stack"),
            text(t, "region"),
            text(t, "branch"),
            publish,
            false,
            new dev.cspctl.spec.Origin(file.toString(), 1));
    JsonNode r = t.path("resolved");
    if (!r.isObject()) {
      throw new UserException(
          file
              + ": the plan does not record the target it was made for (made by an older cspctl);"
              + " make a new plan");
    }
    List<String> flags = new ArrayList<>();
    r.path("flags").forEach(f -> flags.add(f.asText()));
    TargetIdentity identity =
        new TargetIdentity(
            t.path("sandbox").asBoolean(false),
            text(r, "personalize_url"),
            text(r, "cma_url"),
            text(r, "project"),
            text(r, "stack"),
            text(r, "branch"),
            text(r, "sandbox_state"),
            flags);
    return new SavedPlan(
        plan,
        saved.path("plan_id").asText(),
        saved.path("spec_digest").asText(),
        fp,
        ReadScope.of(keys).withWriters(writers).withStackSettings(),
        publish,
        applied,
        target,
        identity,
        (ObjectNode) root);
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  /** Writes atomically: a temp file beside the target, then a rename. */
  static void write(Path file, JsonNode content) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".cspctl-plan", ".tmp");
      Files.write(tmp, M.writeValueAsBytes(content));
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UserException("cannot write " + file + ": " + e.getMessage());
    }
  }

  void markApplied(Path file) {
    ObjectNode copy = raw.deepCopy();
    ((ObjectNode) copy.get("saved")).put("applied_at", Instant.now().toString());
    write(file, copy);
  }

  static String specDigest(Path dir) {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f :
          files
              .filter(Files::isRegularFile)
              .filter(
                  f -> {
                    String n = f.getFileName().toString();
                    return n.endsWith(".yaml") || n.endsWith(".yml");
                  })
              .sorted()
              .toList()) {
        all.append(dir.relativize(f)).append('\0').append(Files.readString(f)).append('\0');
      }
    } catch (IOException e) {
      return "unreadable";
    }
    return Fingerprints.digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The commit the specs were planned at: git's HEAD, else {@code CI_COMMIT_SHA} (the Docker image
   * has no git, and a CI checkout may not be a repository the image can read).
   */
  static String commit(Path dir, Map<String, String> env) {
    String head = gitCommit(dir);
    if (head != null) return head;
    String ci = env.get("CI_COMMIT_SHA");
    return ci != null && ci.matches("[0-9a-f]{40}") ? ci : null;
  }

  static String gitCommit(Path dir) {
    try {
      Process p =
          new ProcessBuilder("git", "-C", dir.toAbsolutePath().toString(), "rev-parse", "HEAD")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), UTF_8).trim();
      return p.waitFor() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
