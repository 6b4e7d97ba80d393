package dev.cspctl.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Every version status change the emulator made, in order (not persisted). Tests read it to prove
 * what visitors were served: e.g. that an experience always had an ACTIVE version, and that the old
 * one was archived by the very request that activated the new one.
 */
public final class VersionHistory {
  /** One status change; {@code request} numbers the API request that made it (1, 2, …). */
  public record Transition(
      long request,
      long atMillis,
      String experienceUid,
      String versionUid,
      String from,
      String to) {}

  private final List<Transition> transitions = new ArrayList<>();
  private long requests;

  synchronized long nextRequest() {
    return ++requests;
  }

  synchronized void record(
      long request, String experienceUid, String versionUid, String from, String to) {
    if (!java.util.Objects.equals(from, to))
      transitions.add(
          new Transition(request, System.currentTimeMillis(), experienceUid, versionUid, from, to));
  }

  public synchronized List<Transition> transitions() {
    return List.copyOf(transitions);
  }
}
