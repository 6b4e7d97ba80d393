package dev.cspctl.api.http;

import dev.cspctl.api.ApiAssumptions;
import java.util.List;
import java.util.regex.Pattern;

/** Validation helpers for reply records' compact constructors. */
public final class Wire {
  private static final Pattern PERSONALIZE_UID =
      Pattern.compile(ApiAssumptions.PERSONALIZE_UID_PATTERN);
  private static final Pattern CMS_UID = Pattern.compile(ApiAssumptions.CMS_VARIANT_UID_PATTERN);

  private Wire() {}

  public static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new WireFormatException("missing required field '" + field + "'");
    }
    return value;
  }

  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new WireFormatException("missing required field '" + field + "'");
    }
    return value;
  }

  /** A 24-hex Personalize uid (required). */
  public static String personalizeUid(String value, String field) {
    required(value, field);
    if (!PERSONALIZE_UID.matcher(value).matches()) {
      throw new WireFormatException(
          "field '" + field + "' is not a Personalize uid (24 hex): '" + abbreviate(value) + "'");
    }
    return value;
  }

  /** A {@code cs}+16-hex CMS variant / variant-group uid (required). */
  public static String cmsUid(String value, String field) {
    required(value, field);
    if (!CMS_UID.matcher(value).matches()) {
      throw new WireFormatException(
          "field '"
              + field
              + "' is not a CMS variant uid (cs + 16 hex): '"
              + abbreviate(value)
              + "'");
    }
    return value;
  }

  /** Null-safe immutable copy; a null item is a malformed reply. */
  public static <T> List<T> list(List<T> value) {
    if (value == null) {
      return List.of();
    }
    if (value.stream().anyMatch(java.util.Objects::isNull)) {
      throw new WireFormatException("list holds a null item");
    }
    return List.copyOf(value);
  }

  static String abbreviate(String v) {
    return v.length() <= 40 ? v : v.substring(0, 40) + "…";
  }
}
