package dev.cspctl.api.cma;

import java.util.List;

/**
 * One {@code entries[]} item of a bulk publish. {@code version} is the BASE entry version (a stale
 * value republishes old base content, §10); {@code variants} may be empty.
 */
public record BulkEntry(
    String uid, String contentType, Integer version, String locale, List<VariantRef> variants) {
  public BulkEntry {
    variants = variants == null ? List.of() : List.copyOf(variants);
  }
}
