package dev.cspctl.plan;

import java.util.List;

/**
 * The result of planning: the changes (in dependency order), the ordered API steps apply will run,
 * how many unmanaged live resources were ignored, and warnings for the reviewer.
 */
public record Plan(
    List<Change> changes, List<Step> steps, int unmanagedIgnored, List<String> warnings) {
  public Plan {
    changes = List.copyOf(changes);
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public long count(Action... actions) {
    return changes.stream().filter(c -> List.of(actions).contains(c.action())).count();
  }

  /** Counts for the summary line and GitLab's report: replace counts as an add and a delete. */
  public Summary summary() {
    long add = count(Action.CREATE, Action.REPLACE);
    long change = count(Action.UPDATE, Action.RENAME);
    long delete = count(Action.DELETE, Action.REPLACE);
    long adopt = count(Action.ADOPT);
    return new Summary(add, change, delete, adopt);
  }

  public record Summary(long add, long change, long delete, long adopt) {
    public String line() {
      return "Plan: "
          + add
          + " to add, "
          + change
          + " to change, "
          + delete
          + " to delete, "
          + adopt
          + " to adopt.";
    }
  }
}
