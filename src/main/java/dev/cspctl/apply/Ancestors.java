package dev.cspctl.apply;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The results of the steps a step depends on, directly or through others, nearest first: what a
 * step knows of this apply. Complete when the step starts (it starts once they are all done).
 */
public final class Ancestors {
  public static final Ancestors NONE = new Ancestors(List.of());
  private final List<StepResult> results;

  public Ancestors(List<StepResult> nearestFirst) {
    this.results = List.copyOf(nearestFirst);
  }

  /** The nearest result of a type that matches. */
  public <T extends StepResult> Optional<T> nearest(Class<T> type, Predicate<? super T> matches) {
    for (StepResult r : results)
      if (type.isInstance(r) && matches.test(type.cast(r))) return Optional.of(type.cast(r));
    return Optional.empty();
  }

  /** Every result of a type that matches, nearest first. */
  public <T extends StepResult> List<T> all(Class<T> type, Predicate<? super T> matches) {
    return results.stream().filter(type::isInstance).map(type::cast).filter(matches).toList();
  }
}
