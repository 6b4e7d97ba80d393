package dev.cspctl.api.personalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.cspctl.api.http.Wire;
import java.util.Map;
import java.util.TreeMap;

/** {@code _cms} of an experience: the CMS variant group and shortUid → CMS variant uid. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExperienceCms(String variantGroup, Map<String, String> variants) {
  public ExperienceCms {
    if (variantGroup != null) {
      Wire.cmsUid(variantGroup, "_cms.variantGroup");
    }
    if (variants == null) {
      variants = Map.of();
    } else {
      variants.forEach((k, v) -> Wire.cmsUid(v, "_cms.variants." + k));
      variants = Map.copyOf(new TreeMap<>(variants));
    }
  }
}
