package dev.cspctl.spec;

import java.util.List;

/** Where and how entry variants are published. */
public record PublishSettings(
    List<String> environments, List<String> locales, PublishMethod method) {
  public static final String DEFAULT_LOCALE = "en-us";

  public PublishSettings {
    environments = List.copyOf(environments);
    locales = locales.isEmpty() ? List.of(DEFAULT_LOCALE) : List.copyOf(locales);
  }

  public String defaultLocale() {
    return locales.get(0);
  }

  /** bulk: POST /v3/bulk/publish; entry: single-entry publish with api_version 3.2. */
  /** In JSON (plans) by its YAML name. */
  public enum PublishMethod {
    @com.fasterxml.jackson.annotation.JsonProperty("bulk")
    BULK,
    @com.fasterxml.jackson.annotation.JsonProperty("entry")
    ENTRY
  }
}
