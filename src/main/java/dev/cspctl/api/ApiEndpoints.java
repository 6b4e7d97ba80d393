package dev.cspctl.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Base URLs of the two APIs. {@code cmaBase} is the CMA host without {@code /v3}; client paths
 * start with {@code /v3} (a given base ending in {@code /v3}, as the docs write it, is accepted and
 * the suffix dropped). Plain {@code http://} is accepted only for loopback addresses (127.0.0.0/8,
 * ::1, localhost), so tokens never travel in clear text over a network.
 */
public record ApiEndpoints(URI personalizeBase, URI cmaBase) {
  public static final String ENV_REGION = "CONTENTSTACK_REGION";
  public static final String ENV_PERSONALIZE_URL = "CSPCTL_PERSONALIZE_URL";
  public static final String ENV_CMA_URL = "CSPCTL_CMA_URL";

  public ApiEndpoints {
    personalizeBase =
        check(Objects.requireNonNull(personalizeBase, "personalizeBase"), "Personalize");
    cmaBase = stripV3(check(Objects.requireNonNull(cmaBase, "cmaBase"), "CMA"));
  }

  /** The docs write the CMA base as {@code https://host/v3}; paths here already start with /v3. */
  private static URI stripV3(URI uri) {
    String s = uri.toString();
    return s.endsWith("/v3") ? URI.create(s.substring(0, s.length() - 3)) : uri;
  }

  public static ApiEndpoints of(String personalizeBase, String cmaBase) {
    return new ApiEndpoints(URI.create(personalizeBase), URI.create(cmaBase));
  }

  /** Region (default na) with optional explicit URL overrides; null/blank overrides are ignored. */
  public static ApiEndpoints resolve(Region region, String personalizeUrl, String cmaUrl) {
    ApiEndpoints r = (region == null ? Region.NA : region).endpoints();
    URI p = blank(personalizeUrl) ? r.personalizeBase : URI.create(personalizeUrl.trim());
    URI c = blank(cmaUrl) ? r.cmaBase : URI.create(cmaUrl.trim());
    return new ApiEndpoints(p, c);
  }

  /** From {@code CONTENTSTACK_REGION}, {@code CSPCTL_PERSONALIZE_URL}, {@code CSPCTL_CMA_URL}. */
  public static ApiEndpoints fromEnvironment(Map<String, String> env) {
    String region = env.get(ENV_REGION);
    return resolve(
        blank(region) ? Region.NA : Region.parse(region),
        env.get(ENV_PERSONALIZE_URL),
        env.get(ENV_CMA_URL));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static URI check(URI uri, String which) {
    uri = withLiteralLoopback(uri);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(
          which + " URL '" + uri + "' must be an absolute https:// URL");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          which
              + " URL '"
              + uri
              + "' uses plain http:// to a"
              + " non-loopback host; credentials would travel unencrypted. Use https://, or http:// only"
              + " to 127.0.0.1/localhost (e.g. the local emulator)");
    }
    String s = uri.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
  }

  /**
   * {@code http://127.1:8080} has no host for {@link URI} (a short numeric address): written as the
   * full address it is one the HTTP client can connect to and the loopback check can see.
   */
  private static URI withLiteralLoopback(URI uri) {
    String authority = uri.getRawAuthority();
    if (uri.getHost() != null || authority == null || authority.contains("@")) return uri;
    int colon = authority.lastIndexOf(':');
    String host = colon < 0 ? authority : authority.substring(0, colon);
    if (!host.matches("\\d{1,10}(\\.\\d{1,10}){0,3}") || !isLoopback(host)) return uri;
    try {
      String full = InetAddress.getByName(host).getHostAddress();
      return new URI(
          uri.getScheme(),
          null,
          full,
          colon < 0 ? -1 : Integer.parseInt(authority.substring(colon + 1)),
          uri.getRawPath(),
          null,
          null);
    } catch (UnknownHostException | java.net.URISyntaxException | NumberFormatException e) {
      return uri;
    }
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("localhost.")) {
      return true;
    }
    // Only literal addresses are resolved here (no DNS lookup for names); like the resolver, the
    // short numeric forms count (127.1 and 2130706433 are 127.0.0.1).
    if (h.matches("\\d{1,10}(\\.\\d{1,10}){0,3}") || h.contains(":")) {
      try {
        return InetAddress.getByName(h).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }
}
