package dev.cspctl.export;

import java.util.List;

/**
 * What {@code cspctl.yaml} of an export says: the project and stack read, the region and branch
 * when known (null otherwise), and the locales whose entry variants are read (the first is the
 * default locale of content entries).
 */
public record ExportSettings(
    String project, String stack, String region, String branch, List<String> locales) {
  public ExportSettings {
    locales = locales == null || locales.isEmpty() ? List.of("en-us") : List.copyOf(locales);
  }

  public String defaultLocale() {
    return locales.get(0);
  }
}
