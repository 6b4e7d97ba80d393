package dev.cspctl.state;

import java.util.Map;

/** Server-set {@code _cms} of an experience: variant group and shortUid → CMS variant uid. */
public record LiveCms(String variantGroup, Map<String, String> variants) {
  public LiveCms {
    variants = Map.copyOf(variants);
  }
}
