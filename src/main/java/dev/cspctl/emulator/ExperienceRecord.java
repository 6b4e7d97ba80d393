package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One experience with its versions (oldest first) and its CMS sync state. */
public final class ExperienceRecord {
  public String uid;
  public String name;
  public String description;
  public String type;
  public String shortUid;
  public String createdAt;
  public String updatedAt;

  /** Lowercase, de-duplicated; not versioned. */
  public List<String> tags = new ArrayList<>();

  public List<ObjectNode> versions = new ArrayList<>();

  /** Next variant shortUid to assign; never goes down. */
  public long variantHighWater;

  public String cmsVariantGroup;

  /** shortUid -> CMS variant uid. */
  public Map<String, String> cmsVariants = new LinkedHashMap<>();
}
