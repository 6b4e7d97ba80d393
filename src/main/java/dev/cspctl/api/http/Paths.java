package dev.cspctl.api.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Path-segment and query-string encoding. */
public final class Paths {
  private Paths() {}

  /** Encodes one path segment (uids, content type uids, locales). */
  public static String seg(String s) {
    if (s == null || s.isEmpty()) {
      throw new IllegalArgumentException("empty path segment");
    }
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Builds {@code path?k=v&…} (values encoded; null values skipped). */
  public static String query(String path, Map<String, ?> params) {
    StringJoiner j = new StringJoiner("&");
    params.forEach(
        (k, v) -> {
          if (v != null) {
            j.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
          }
        });
    return j.length() == 0 ? path : path + "?" + j;
  }

  public static Map<String, Object> params(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
