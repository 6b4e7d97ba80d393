package dev.cspctl.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matches method + path against patterns like {@code /experiences/{uid}/versions}. */
final class Router {
  interface Handler {
    Response handle(Request r);
  }

  @SuppressWarnings("ArrayRecordComponent") // a lookup table entry, never compared or hashed
  record Route(String method, String[] segments, Handler handler) {}

  record Match(Handler handler, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();

  Router add(String method, String pattern, Handler h) {
    routes.add(new Route(method, split(pattern), h));
    return this;
  }

  Optional<Match> match(String method, String path) {
    String[] segs = split(path);
    for (Route r : routes) {
      if (r.method.equals(method)) {
        Map<String, String> params = bind(r.segments, segs);
        if (params != null) {
          return Optional.of(new Match(r.handler, params));
        }
      }
    }
    return Optional.empty();
  }

  /** True when some route has this path under another method. */
  boolean knowsPath(String path) {
    String[] segs = split(path);
    return routes.stream().anyMatch(r -> bind(r.segments, segs) != null);
  }

  private static Map<String, String> bind(String[] pattern, String[] path) {
    if (pattern.length != path.length) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("}")) {
        if (path[i].isEmpty()) {
          return null;
        }
        params.put(p.substring(1, p.length() - 1), path[i]);
      } else if (!p.equals(path[i])) {
        return null;
      }
    }
    return params;
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }
}
