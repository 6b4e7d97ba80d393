package dev.cspctl.api;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Contentstack regions and their hosts (contentstack-api.md section 0). The CMA base is the host
 * only; CMA paths start with {@code /v3}.
 */
public enum Region {
  NA("na", "https://personalize-api.contentstack.com", "https://api.contentstack.io"),
  EU("eu", "https://eu-personalize-api.contentstack.com", "https://eu-api.contentstack.com"),
  AU("au", "https://au-personalize-api.contentstack.com", "https://au-api.contentstack.com"),
  AZURE_NA(
      "azure-na",
      "https://azure-na-personalize-api.contentstack.com",
      "https://azure-na-api.contentstack.com"),
  AZURE_EU(
      "azure-eu",
      "https://azure-eu-personalize-api.contentstack.com",
      "https://azure-eu-api.contentstack.com"),
  GCP_NA(
      "gcp-na",
      "https://gcp-na-personalize-api.contentstack.com",
      "https://gcp-na-api.contentstack.com"),
  GCP_EU(
      "gcp-eu",
      "https://gcp-eu-personalize-api.contentstack.com",
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

  /**
   * Parses {@code na}, {@code eu}, {@code azure-na}, … case-insensitively; "us" means na, and the
   * Contentstack CLI's names ({@code AWS-NA}, {@code AWS-EU}, {@code AWS-AU}, {@code AZURE-NA},
   * {@code AZURE-EU}, {@code GCP-NA}, {@code GCP-EU}) are accepted too.
   */
  public static Region parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    if (v.startsWith("aws-")) {
      v = v.substring(4);
    }
    if (v.equals("us")) {
      return NA;
    }
    for (Region r : values()) {
      if (r.id.equals(v)) {
        return r;
      }
    }
    List<String> ids = Arrays.stream(values()).map(Region::id).toList();
    String near = v;
    String suggestion =
        dev.cspctl.spec.Suggestions.closest(v, ids)
            .or(
                () ->
                    ids.stream()
                        .filter(id -> near.startsWith(id + "-"))
                        .reduce((a, b) -> a.length() >= b.length() ? a : b))
            .map(id -> " (did you mean '" + id + "'?)")
            .orElse("");
    throw new IllegalArgumentException(
        "unknown region '"
            + value
            + "'"
            + suggestion
            + "; expected one of "
            + String.join(", ", ids)
            + " (or the Contentstack CLI names AWS-NA, AWS-EU, AWS-AU, AZURE-NA, AZURE-EU, GCP-NA, GCP-EU)");
  }
}
