package dev.cspctl.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads one spec file into JSON documents with source positions. Never throws for bad input: every
 * problem becomes a {@link SpecError} with a position. Memory stays bounded: files are size-capped
 * and alias expansion is counted.
 */
public final class YamlFileReader {
  /** Spec files larger than this are refused before parsing. */
  public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

  /** Upper bound on the nodes one file may expand to (guards against alias "billion laughs"). */
  public static final int MAX_NODES = 200_000;

  static final int MAX_ALIASES = 100;
  static final int MAX_DEPTH = 64;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public record Result(List<YamlDocument> documents, List<SpecError> errors) {}

  public Result read(Path path, String displayName) {
    List<SpecError> errors = new ArrayList<>();
    String text = readText(path, displayName, errors);
    if (text == null) return new Result(List.of(), errors);
    List<YamlDocument> docs = new ArrayList<>();
    parse(text, displayName, docs, errors);
    if (docs.isEmpty() && errors.isEmpty()) {
      errors.add(
          new SpecError(
              displayName,
              1,
              1,
              "",
              "file holds no YAML document; expected at least one document with a 'kind'"));
    }
    return new Result(docs, errors);
  }

  /** Parses YAML given as text (e.g. on the command line) the same way as a file. */
  public Result readText(String text, String displayName) {
    List<SpecError> errors = new ArrayList<>();
    List<YamlDocument> docs = new ArrayList<>();
    parse(text, displayName, docs, errors);
    if (docs.isEmpty() && errors.isEmpty())
      errors.add(new SpecError(displayName, 1, 1, "", "holds no YAML document"));
    return new Result(docs, errors);
  }

  private static String readText(Path path, String file, List<SpecError> errors) {
    byte[] bytes;
    try {
      // A FIFO or a device (or a link to one) would block or never end: only regular files are
      // read.
      if (!Files.isRegularFile(path)) {
        errors.add(
            new SpecError(
                file,
                1,
                1,
                "",
                "not a regular file ("
                    + SpecFiles.describeType(path)
                    + "); a spec folder may hold only regular YAML files"));
        return null;
      }
      long size = Files.size(path);
      bytes = size > MAX_FILE_BYTES ? null : readAtMost(path, MAX_FILE_BYTES);
      if (bytes == null) {
        errors.add(
            new SpecError(
                file,
                1,
                1,
                "",
                String.format(
                    "file is over %d MB; spec files are limited to %d MB",
                    MAX_FILE_BYTES / 1048576, MAX_FILE_BYTES / 1048576)));
        return null;
      }
    } catch (IOException | SecurityException e) {
      errors.add(new SpecError(file, 1, 1, "", "cannot read file: " + describe(e)));
      return null;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        SourcePosition pos = positionOfByte(bytes, i);
        errors.add(
            new SpecError(
                file,
                pos.line(),
                pos.column(),
                "",
                "binary content (NUL byte); expected a UTF-8 YAML text file"));
        return null;
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      String text = decoder.decode(buffer).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      SourcePosition pos = positionOfByte(bytes, buffer.position());
      errors.add(
          new SpecError(
              file,
              pos.line(),
              pos.column(),
              "",
              "invalid UTF-8 byte sequence; expected a UTF-8 YAML text file"));
      return null;
    }
  }

  /**
   * The file's bytes, or null when it holds more than {@code limit} (it may grow while it is read).
   */
  private static byte[] readAtMost(Path path, long limit) throws IOException {
    try (var in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes((int) limit + 1);
      return bytes.length > limit ? null : bytes;
    }
  }

  private static SourcePosition positionOfByte(byte[] bytes, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new SourcePosition(line, column);
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
    return e.getMessage() == null ? "unexpected error" : e.getMessage();
  }

  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    options.setAllowDuplicateKeys(true); // detected ourselves, with both positions
    DumperOptions dumper = new DumperOptions();
    return new Yaml(
        new SafeConstructor(options),
        new Representer(dumper),
        dumper,
        options,
        new Yaml12Resolver());
  }

  private void parse(String text, String file, List<YamlDocument> docs, List<SpecError> errors) {
    Iterator<Node> nodes = newYaml().composeAll(new StringReader(text)).iterator();
    int index = 0;
    while (true) {
      Node node;
      try {
        if (!nodes.hasNext()) return;
        node = nodes.next();
      } catch (MarkedYAMLException e) {
        errors.add(yamlError(file, e));
        return;
      } catch (YAMLException e) {
        errors.add(new SpecError(file, 1, 1, "", "invalid YAML: " + firstLine(e.getMessage())));
        return;
      } catch (StackOverflowError e) {
        errors.add(new SpecError(file, 1, 1, "", "invalid YAML: nesting is too deep"));
        return;
      }
      if (node == null) continue;
      if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
        index++;
        continue; // an empty document between two '---'
      }
      SourceMap map = new SourceMap();
      Converter converter = new Converter(file, map, errors);
      int before = errors.size();
      JsonNode root = converter.convert(node, "", 0);
      if (errors.size() == before) docs.add(new YamlDocument(file, index, root, map));
      index++;
    }
  }

  static SpecError yamlError(String file, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    int line = mark == null ? 1 : mark.getLine() + 1;
    int column = mark == null ? 1 : mark.getColumn() + 1;
    String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
    if (problem.contains("'\\t'") || problem.contains("\\t(TAB)") || problem.contains("TAB")) {
      problem = "tab character; YAML indentation must use spaces";
    } else if (problem.contains("Number of aliases")) {
      problem =
          "too many YAML aliases (at most "
              + MAX_ALIASES
              + "); anchors must not be used to multiply content";
    } else if (problem.contains("exceeds the limit")) {
      problem = "document is too large";
    }
    String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
    return new SpecError(file, line, column, "", "invalid YAML: " + problem + context);
  }

  private static String firstLine(String s) {
    if (s == null) return "unknown error";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Node tree to JSON, recording positions, detecting duplicate keys and bounding expansion. */
  private static final class Converter {
    private final String file;
    private final SourceMap map;
    private final List<SpecError> errors;
    private final IdentityHashMap<Node, Boolean> onPath = new IdentityHashMap<>();
    private int count;
    private boolean exhausted;

    Converter(String file, SourceMap map, List<SpecError> errors) {
      this.file = file;
      this.map = map;
      this.errors = errors;
    }

    JsonNode convert(Node node, String pointer, int depth) {
      if (exhausted) return JSON.nullNode();
      SourcePosition pos = position(node.getStartMark());
      map.putValue(pointer, pos);
      if (++count > MAX_NODES) {
        exhausted = true;
        fail(
            pos,
            pointer,
            "document expands to more than "
                + MAX_NODES
                + " nodes (YAML aliases multiplying content?)");
        return JSON.nullNode();
      }
      if (depth > MAX_DEPTH) {
        exhausted = true;
        fail(pos, pointer, "nesting deeper than " + MAX_DEPTH + " levels");
        return JSON.nullNode();
      }
      if (onPath.put(node, Boolean.TRUE) != null) {
        exhausted = true;
        fail(pos, pointer, "recursive YAML alias");
        return JSON.nullNode();
      }
      try {
        if (node instanceof MappingNode m) return mapping(m, pointer, depth);
        if (node instanceof SequenceNode s) return sequence(s, pointer, depth);
        return scalar((ScalarNode) node, pointer, pos);
      } finally {
        onPath.remove(node);
      }
    }

    private JsonNode mapping(MappingNode node, String pointer, int depth) {
      ObjectNode object = JSON.objectNode();
      Set<String> seen = new HashSet<>();
      for (NodeTuple tuple : node.getValue()) {
        Node keyNode = tuple.getKeyNode();
        SourcePosition keyPos = position(keyNode.getStartMark());
        if (!(keyNode instanceof ScalarNode scalarKey)) {
          fail(keyPos, pointer, "mapping keys must be plain strings");
          continue;
        }
        String key = scalarKey.getValue();
        String child = FieldPath.child(pointer, key);
        if (!seen.add(key)) {
          SourcePosition first = map.key(child);
          fail(
              keyPos,
              child,
              "duplicate key '" + key + "' (first defined at line " + first.line() + ")");
          continue;
        }
        map.putKey(child, keyPos);
        object.set(key, convert(tuple.getValueNode(), child, depth + 1));
      }
      return object;
    }

    private JsonNode sequence(SequenceNode node, String pointer, int depth) {
      ArrayNode array = JSON.arrayNode();
      List<Node> items = node.getValue();
      for (int i = 0; i < items.size(); i++) {
        array.add(convert(items.get(i), FieldPath.child(pointer, i), depth + 1));
      }
      return array;
    }

    private JsonNode scalar(ScalarNode node, String pointer, SourcePosition pos) {
      Tag tag = node.getTag();
      String value = node.getValue();
      if (tag.equals(Tag.STR)) return JSON.textNode(value);
      if (tag.equals(Tag.NULL)) return JSON.nullNode();
      if (tag.equals(Tag.BOOL)) return JSON.booleanNode(value.equalsIgnoreCase("true"));
      if (tag.equals(Tag.INT)) return integer(value, pointer, pos);
      if (tag.equals(Tag.FLOAT)) return decimal(value, pointer, pos);
      fail(
          pos,
          pointer,
          "unsupported YAML tag " + tag.getValue() + "; use plain strings, numbers and booleans");
      return JSON.nullNode();
    }

    private JsonNode integer(String value, String pointer, SourcePosition pos) {
      try {
        BigInteger n;
        if (value.startsWith("0x")) n = new BigInteger(value.substring(2), 16);
        else if (value.startsWith("0o")) n = new BigInteger(value.substring(2), 8);
        else n = new BigInteger(value.startsWith("+") ? value.substring(1) : value);
        return n.bitLength() < 63 ? JSON.numberNode(n.longValue()) : JSON.numberNode(n);
      } catch (NumberFormatException e) {
        fail(pos, pointer, "invalid integer '" + value + "'");
        return JSON.nullNode();
      }
    }

    private JsonNode decimal(String value, String pointer, SourcePosition pos) {
      try {
        return JSON.numberNode(new BigDecimal(value.startsWith("+") ? value.substring(1) : value));
      } catch (NumberFormatException e) {
        fail(pos, pointer, "'" + value + "' is not a finite number");
        return JSON.nullNode();
      }
    }

    private void fail(SourcePosition pos, String pointer, String message) {
      errors.add(SpecError.at(file, pos, FieldPath.fromPointer(pointer), message));
    }

    private static SourcePosition position(Mark mark) {
      return mark == null
          ? SourcePosition.START
          : new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
    }
  }
}
