package dev.cspctl.api.http;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * THE place where requests are described for humans (logs, error messages). Redacts:
 *
 * <ul>
 *   <li>secret headers ({@code authtoken}, {@code authorization}, anything named like a token,
 *       password or secret);
 *   <li>secret-looking query parameter values ({@code *token*}, {@code *password*}, {@code
 *       *secret*}, {@code authorization});
 *   <li>any registered secret value (credentials of this run, the logged-in authtoken) wherever it
 *       occurs in text, including server messages that might echo it.
 * </ul>
 *
 * The {@code api_key} header is not a secret (cli.md) and is shown.
 */
public final class Redactor {
  public static final String MASK = "***";
  private static final Set<String> SECRET_HEADERS =
      Set.of("authtoken", "authorization", "cookie", "set-cookie", "proxy-authorization");
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(token|password|passwd|secret|authorization|session).*");
  private static final Pattern QUERY_PARAM = Pattern.compile("([?&])([^=&#]+)=([^&#]*)");

  private final List<String> secrets = new CopyOnWriteArrayList<>();

  public Redactor() {}

  public Redactor(Collection<String> secrets) {
    secrets.forEach(this::addSecret);
  }

  /**
   * Registers a secret value to be masked wherever it appears. Values under 4 chars are ignored.
   */
  public void addSecret(String value) {
    if (value != null && value.length() >= 4 && !secrets.contains(value)) {
      secrets.add(value);
    }
  }

  public static boolean isSecretName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SECRET_HEADERS.contains(n) || SECRET_NAME.matcher(n).matches();
  }

  /** Path with secret-looking query values masked, and registered secrets scrubbed. */
  public String path(String pathAndQuery) {
    Matcher m = QUERY_PARAM.matcher(pathAndQuery);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = isSecretName(m.group(2)) ? MASK : m.group(3);
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value));
    }
    m.appendTail(sb);
    return scrub(sb.toString());
  }

  public Map<String, String> headers(Map<String, String> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k, isSecretName(k) ? MASK : scrub(v)));
    return out;
  }

  /**
   * Replaces every registered secret value in {@code text}, also in the forms a server may echo it
   * in: URL-encoded (either case of hex), HTML-escaped and JSON-escaped.
   */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      for (String form : SecretForms.of(s)) {
        out = out.replace(form, MASK);
      }
      String url = SecretForms.urlEncoded(s);
      if (!url.equals(s)) {
        out =
            Pattern.compile(Pattern.quote(url), Pattern.CASE_INSENSITIVE)
                .matcher(out)
                .replaceAll(MASK);
      }
    }
    return out;
  }

  /** Body text fit for a TRACE log line. */
  public String body(ApiRequest request) {
    if (request.body() == null) {
      return "";
    }
    if (request.sensitiveBody()) {
      return "<" + request.body().length + " bytes, contains credentials: not logged>";
    }
    return scrub(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8));
  }
}
