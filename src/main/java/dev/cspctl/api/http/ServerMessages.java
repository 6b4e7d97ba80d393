package dev.cspctl.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the server's message from an error reply (decision 8): {@code error_message}, then
 * {@code errors} (Personalize {@code {"errors":{field:[codes]}}} flattened to {@code field: CODE,
 * CODE; field2: CODE}), then {@code message}, then {@code error}. When {@code error_message} and
 * {@code errors} are both present the field errors are appended. A non-JSON body (e.g. a proxy's
 * HTML page) is summarised by its content type and title.
 */
public final class ServerMessages {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern TITLE = Pattern.compile("(?is)<title>(.*?)</title>");
  private static final int MAX = 300;

  private ServerMessages() {}

  public static String extract(ApiResponse response) {
    return extract(response, new Redactor());
  }

  /**
   * The server's message with every secret of {@code redactor} masked, before it is cut to {@value
   * #MAX} characters: a cut first could leave most of an echoed token in place.
   */
  public static String extract(ApiResponse response, Redactor redactor) {
    String text = redactor.scrub(response.bodyText().strip());
    if (text.isEmpty()) {
      return "empty reply body";
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (Exception e) {
      node = null;
    }
    if (node == null || !(node.isObject() || node.isArray())) {
      return describeNonJson(response.contentType(), text, redactor);
    }
    String errorMessage = str(node.get("error_message"));
    String errors = flatten(node.get("errors"));
    String message = str(node.get("message"));
    String error = str(node.get("error"));
    if (errorMessage != null) {
      return cap(
          redactor.scrub(errors != null ? errorMessage + " (" + errors + ")" : errorMessage));
    }
    if (errors != null) {
      return cap(redactor.scrub(errors));
    }
    if (message != null) {
      return cap(redactor.scrub(message));
    }
    if (error != null) {
      return cap(redactor.scrub(error));
    }
    return cap("unrecognised error body: " + text);
  }

  static String describeNonJson(String contentType, String text) {
    return describeNonJson(contentType, text, new Redactor());
  }

  /**
   * A non-JSON reply in one line; entities are decoded before the secrets are masked and the text
   * is cut.
   */
  static String describeNonJson(String contentType, String text, Redactor redactor) {
    String ct = contentType == null ? "unknown content type" : contentType.split(";", -1)[0];
    Matcher m = TITLE.matcher(text);
    String gist = m.find() ? m.group(1).strip() : text.replaceAll("<[^>]*>", " ").strip();
    gist = redactor.scrub(SecretForms.decodeHtml(gist).replaceAll("\\s+", " "));
    boolean html = ct.toLowerCase(Locale.ROOT).contains("html") || text.startsWith("<");
    return cap(
        (html
                ? "non-JSON reply (" + ct + ", likely a proxy or gateway page): "
                : "non-JSON reply (" + ct + "): ")
            + gist);
  }

  private static String str(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.asText().isBlank() ? null : n.asText();
    }
    if (n.isObject() || n.isArray()) {
      return flatten(n);
    }
    return n.asText();
  }

  static String flatten(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isObject()) {
      List<String> parts = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String v = values(e.getValue());
        parts.add(v.isEmpty() ? e.getKey() : e.getKey() + ": " + v);
      }
      return parts.isEmpty() ? null : String.join("; ", parts);
    }
    String v = values(n);
    return v.isEmpty() ? null : v;
  }

  private static String values(JsonNode v) {
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode i : v) {
        items.add(i.isObject() ? objectGist(i) : i.asText());
      }
      return String.join(", ", items);
    }
    if (v.isObject()) {
      return objectGist(v);
    }
    return v.asText();
  }

  private static String objectGist(JsonNode o) {
    for (String k : new String[] {"message", "code", "error_message"}) {
      if (o.hasNonNull(k)) {
        return o.get(k).asText();
      }
    }
    return flatten(o) == null ? "" : flatten(o);
  }

  private static String cap(String s) {
    return s.length() <= MAX ? s : s.substring(0, MAX) + "…";
  }
}
