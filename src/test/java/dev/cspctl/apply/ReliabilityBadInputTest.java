package dev.cspctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input: at least 10,000 seeded mutations of the example spec files (deleted, duplicated and
 * retyped keys, random bytes, truncation, deep nesting, anchors and aliases, ...) through {@code
 * validate}, every 40th also through {@code plan --sandbox}: no uncaught exception, no stack trace,
 * and every rejection line starts with {@code error: } and carries file:line:col or names the
 * folder.
 */
@Tag("slow")
class ReliabilityBadInputTest {
  static final Pattern FILE_LINE = Pattern.compile(":\\d+:\\d+: ");
  @TempDir Path tmp;

  record Run(int exit, String out, String err, Throwable thrown) {}

  @Test
  void tenThousandMutatedSpecsAreRejectedCleanlyWithFileAndLine() throws Exception {
    int documents = Integer.getInteger("reliability.documents", 10_000);
    Path dir = E2E.copyExamples(tmp.resolve("specs"));
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    Map<Path, byte[]> originals = new LinkedHashMap<>();
    for (Path f : files) originals.put(f, Files.readAllBytes(f));
    Map<String, String> env =
        Map.of(
            "CSPCTL_SANDBOX_STATE",
            tmp.resolve("sandbox.json").toString(),
            "CSPCTL_SANDBOX_CMS_DELAY_MS",
            "0");
    Random random = new Random(Long.getLong("reliability.seed", 9));
    Map<String, Integer> kinds = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int rejected = 0;
    int accepted = 0;
    int plans = 0;
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < documents; i++) {
      Path target = files.get(random.nextInt(files.size()));
      byte[] doc = originals.get(target);
      int n = 1 + random.nextInt(3);
      StringBuilder applied = new StringBuilder();
      for (int k = 0; k < n; k++) {
        Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
        doc = m.apply(doc, random);
        kinds.merge(m.name(), 1, Integer::sum);
        applied.append(m.name()).append(' ');
      }
      Files.write(target, doc);
      try {
        List<String> commands = new ArrayList<>(List.of("validate"));
        if (i % 40 == 0) commands.add("plan");
        for (String command : commands) {
          Run r =
              command.equals("validate")
                  ? run(env, "validate", dir.toString())
                  : run(env, "plan", "--sandbox", dir.toString());
          if (command.equals("plan")) plans++;
          String problem = check(r, dir);
          if (problem != null) {
            failures.add(
                "#"
                    + i
                    + " "
                    + command
                    + " "
                    + dir.relativize(target)
                    + " ["
                    + applied.toString().trim()
                    + "]: "
                    + problem);
          }
          if (command.equals("validate")) {
            if (r.exit() == 1 && sample.size() < 3)
              r.err()
                  .lines()
                  .filter(l -> l.startsWith("error: "))
                  .findFirst()
                  .ifPresent(sample::add);
            if (r.exit() == 0) accepted++;
            else rejected++;
          }
        }
      } finally {
        Files.write(target, originals.get(target));
      }
    }
    Reliability.result(
        String.format(
            "bad input: %d mutated documents (%s) through validate, %d also through plan --sandbox; "
                + "rejected %d, accepted %d; uncaught exceptions or stack traces: %d; rejection lines without file:line:col or folder: %d%s",
            documents,
            kinds,
            plans,
            rejected,
            accepted,
            failures.stream().filter(f -> f.contains("exception") || f.contains("stack")).count(),
            failures.stream().filter(f -> f.contains("without")).count(),
            failures.isEmpty()
                ? "; sample rejections " + sample
                : " e.g. " + failures.subList(0, Math.min(3, failures.size()))));
    assertThat(failures).isEmpty();
  }

  private static String check(Run r, Path dir) {
    if (r.thrown() != null) return "uncaught exception " + r.thrown();
    String all = r.out() + r.err();
    if (all.contains("Exception")
        || all.contains("\tat ")
        || (all.contains("Error:") && all.contains("java."))) {
      return "exception or stack trace in output: " + firstLines(r.err());
    }
    if (r.exit() != 0 && r.exit() != 1 && r.exit() != 2) return "exit code " + r.exit();
    if (r.exit() == 1) {
      List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
      if (errors.isEmpty()) return "rejected without an 'error: ' line: " + firstLines(r.err());
      for (String e : errors) {
        if (!FILE_LINE.matcher(e).find()
            && !e.contains(dir.toString())
            && !e.contains(dir.getFileName().toString())) {
          return "error line without file:line:col or folder: " + e;
        }
      }
    }
    return null;
  }

  private static String firstLines(String s) {
    return s.lines().limit(3).toList().toString();
  }

  private static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      int exit =
          Cli.run(
              args,
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              env);
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), null);
    } catch (Throwable t) {
      return new Run(
          -1, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), t);
    }
  }

  /** One way to damage a YAML document. */
  enum Mutation {
    DELETE_LINE {
      @Override
      List<String> lines(List<String> l, Random r) {
        if (!l.isEmpty()) l.remove(r.nextInt(l.size()));
        return l;
      }
    },
    DUPLICATE_LINE {
      @Override
      List<String> lines(List<String> l, Random r) {
        if (!l.isEmpty()) {
          int i = r.nextInt(l.size());
          l.add(i, l.get(i));
        }
        return l;
      }
    },
    RETYPE_VALUE {
      @Override
      List<String> lines(List<String> l, Random r) {
        String[] values = {
          "[1, 2]",
          "{a: b}",
          "12345",
          "true",
          "null",
          "~",
          "''",
          "-1.5e300",
          "0x1F",
          "\"\\u0000\"",
          "!!binary aGVsbG8=",
          "!custom tag",
          "2026-11-29",
          ".nan",
          "[",
          "{",
          "'unterminated",
          "x".repeat(5000)
        };
        int i = r.nextInt(Math.max(1, l.size()));
        if (l.isEmpty()) return l;
        String line = l.get(i);
        int colon = line.indexOf(": ");
        String v = values[r.nextInt(values.length)];
        l.set(i, colon >= 0 ? line.substring(0, colon + 2) + v : line + " " + v);
        return l;
      }
    },
    RENAME_KEY {
      @Override
      List<String> lines(List<String> l, Random r) {
        if (l.isEmpty()) return l;
        int i = r.nextInt(l.size());
        String line = l.get(i);
        int colon = line.indexOf(':');
        if (colon > 0)
          l.set(
              i,
              line.substring(0, colon)
                  + (r.nextBoolean() ? "x" : "")
                  + "_"
                  + line.substring(colon));
        return l;
      }
    },
    REINDENT {
      @Override
      List<String> lines(List<String> l, Random r) {
        if (l.isEmpty()) return l;
        int i = r.nextInt(l.size());
        l.set(i, (r.nextBoolean() ? " ".repeat(1 + r.nextInt(5)) : "\t") + l.get(i).stripLeading());
        return l;
      }
    },
    SWAP_LINES {
      @Override
      List<String> lines(List<String> l, Random r) {
        if (l.size() > 1) java.util.Collections.swap(l, r.nextInt(l.size()), r.nextInt(l.size()));
        return l;
      }
    },
    DEEP_NESTING {
      @Override
      List<String> lines(List<String> l, Random r) {
        int depth = 100 + r.nextInt(20_000);
        String nest =
            r.nextBoolean()
                ? "[".repeat(depth) + "]".repeat(depth)
                : "{a: ".repeat(depth) + "}".repeat(depth);
        l.add(r.nextInt(l.size() + 1), "deep: " + nest);
        return l;
      }
    },
    ANCHORS {
      @Override
      List<String> lines(List<String> l, Random r) {
        switch (r.nextInt(4)) {
          case 0 ->
              l.add(
                  "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                      + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]");
          case 1 -> l.add("self: &s [*s]");
          case 2 -> l.add("ref: *missing");
          default -> {
            if (!l.isEmpty()) {
              int i = r.nextInt(l.size());
              l.set(i, l.get(i) + " &anchor");
              l.add("<<: *anchor");
            }
          }
        }
        return l;
      }
    },
    DOCUMENTS {
      @Override
      List<String> lines(List<String> l, Random r) {
        l.add(
            r.nextInt(l.size() + 1),
            switch (r.nextInt(5)) {
              case 0 -> "---";
              case 1 -> "...";
              case 2 -> "%YAML 1.1";
              case 3 -> "--- !!map";
              default -> "--- |";
            });
        return l;
      }
    },
    TRUNCATE {
      @Override
      byte[] apply(byte[] b, Random r) {
        return java.util.Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
      }
    },
    RANDOM_BYTES {
      @Override
      byte[] apply(byte[] b, Random r) {
        byte[] out = b.clone();
        if (out.length == 0) return new byte[] {(byte) r.nextInt(256)};
        for (int k = 1 + r.nextInt(8); k > 0; k--)
          out[r.nextInt(out.length)] = (byte) r.nextInt(256);
        return out;
      }
    },
    EMPTY_OR_GARBAGE {
      @Override
      byte[] apply(byte[] b, Random r) {
        return switch (r.nextInt(5)) {
          case 0 -> new byte[0];
          case 1 -> "\uFEFF".getBytes(StandardCharsets.UTF_8);
          case 2 -> new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'k', 0};
          case 3 -> "kind: Experience\n".getBytes(StandardCharsets.UTF_8);
          default -> {
            byte[] g = new byte[r.nextInt(300)];
            r.nextBytes(g);
            yield g;
          }
        };
      }
    };

    List<String> lines(List<String> l, Random r) {
      return l;
    }

    byte[] apply(byte[] b, Random r) {
      List<String> l = new ArrayList<>(new String(b, StandardCharsets.UTF_8).lines().toList());
      return (String.join("\n", lines(l, r)) + "\n").getBytes(StandardCharsets.UTF_8);
    }
  }
}
