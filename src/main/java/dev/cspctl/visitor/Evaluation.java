package dev.cspctl.visitor;

import java.util.List;
import java.util.Optional;

/**
 * Everything one visitor sees: every experience's result in priority order, and the experiences a
 * delivery request applies.
 *
 * @param applied the first variant-limit experiences that give a variant, in priority order; null
 *     when an experience that could be among them is not evaluable
 */
public record Evaluation(List<ExperienceResult> experiences, List<String> applied) {
  public Evaluation {
    experiences = List.copyOf(experiences);
    applied = applied == null ? null : List.copyOf(applied);
  }

  public Optional<ExperienceResult> result(String experience) {
    return experiences.stream().filter(r -> r.experience().equals(experience)).findFirst();
  }

  public boolean appliedKnown() {
    return applied != null;
  }
}
