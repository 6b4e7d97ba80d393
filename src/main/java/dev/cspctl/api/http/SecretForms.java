package dev.cspctl.api.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The forms a secret takes when a server echoes it inside a URL, an HTML page or a JSON string. */
final class SecretForms {
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);");

  private SecretForms() {}

  static Set<String> of(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    forms.add(html(secret));
    forms.add(html(secret).replace("&#39;", "&#x27;"));
    forms.add(json(secret, false));
    forms.add(json(secret, true));
    forms.add(urlEncoded(secret).replace("+", "%20"));
    return forms;
  }

  static String urlEncoded(String secret) {
    return URLEncoder.encode(secret, StandardCharsets.UTF_8);
  }

  private static String html(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static String json(String s, boolean escapeSlash) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '/' -> b.append(escapeSlash ? "\\/" : "/");
        default -> {
          if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.toString();
  }

  /**
   * Decodes the character references of an HTML text (<code>&amp;amp;</code>, <code>&amp;#97;
   * </code>, <code>&amp;#x61;</code>).
   */
  static String decodeHtml(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String c =
          switch (e) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> {
              int cp =
                  e.startsWith("#x") || e.startsWith("#X")
                      ? Integer.parseInt(e.substring(2), 16)
                      : Integer.parseInt(e.substring(1));
              yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group();
            }
          };
      m.appendReplacement(out, Matcher.quoteReplacement(c));
    }
    m.appendTail(out);
    return out.toString();
  }
}
