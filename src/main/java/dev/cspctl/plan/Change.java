package dev.cspctl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cspctl.spec.ResourceKey;
import java.util.List;

/**
 * A change to one resource: its action, the managed view before (live) and after (desired), the
 * field-level differences, notes for the reviewer, and the ids of the steps that make it.
 */
public record Change(
    ResourceKey key,
    Action action,
    JsonNode before,
    JsonNode after,
    List<FieldDiff> diffs,
    List<String> notes,
    List<StepId> stepIds) {
  public Change {
    before = before == null ? null : before.deepCopy();
    after = after == null ? null : after.deepCopy();
    diffs = List.copyOf(diffs);
    notes = List.copyOf(notes);
    stepIds = List.copyOf(stepIds);
  }
}
