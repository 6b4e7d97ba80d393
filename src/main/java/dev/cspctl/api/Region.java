package dev.cspctl.api;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Contentstack regions and their hosts (contentstack-api.md section 0). The CMA base is the host
 * only; CMA paths start with {@code /v3}.
 */
public enum Region {
  NA("na", "https://personalize-api.contentstack.com", "https://api.contentstack.io"),
  EU("eu", "https://eu-personalize-api.contentstack.com", "https://eu-api.contentstack.com"),
  AU("au", "https://au-personalize-api.contentstack.com", "https://au-api.contentstack.com"),
  AZURE_NA("azure-na", "https://azure-na-personalize-api.contentstack.com",
      "https://azure-na-api.contentstack.com"),
  AZURE_EU("azure-eu", "https://azure-eu-personalize-api.contentstack.com",
      "https://azure-eu-api.contentstack.com"),
  GCP_NA("gcp-na", "https://gcp-na-personalize-api.contentstack.com",
      "https://gcp-na-api.contentstack.com"),
  GCP_EU("gcp-eu", "https://gcp-eu-personalize-api.contentstack.com",
      "https://gcp-eu-api.contentstack.com");

  private final String id;
  private final URI personalize;
  private final URI cma;

  Region(String id, String personalize, String cma) {
    this.id = id;
    this.personalize = URI.create(personalize);
    this.cma = URI.create(cma);
  }

  public String id() {
    return id;
  }

  public ApiEndpoints endpoints() {
    return new ApiEndpoints(personalize, cma);
  }

  /** Parses {@code na}, {@code eu}, {@code azure-na}, … (case-insensitive; "us" means na). */
  public static Region parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("us")) {
      return NA;
    }
    for (Region r : values()) {
      if (r.id.equals(v)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown region '" + value + "'; expected one of "
        + Arrays.stream(values()).map(Region::id).collect(Collectors.joining(", ")));
  }
}
