package dev.cspctl.plan;

import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.SpecError;
import dev.cspctl.spec.SpecException;
import dev.cspctl.spec.SpecReference;
import dev.cspctl.state.EntryKey;
import dev.cspctl.state.LiveAudience;
import dev.cspctl.state.LiveState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Before any step is planned: everything the specs name exists in the specs or in the live project
 * and stack. Each problem is one error at the place the spec names it; the plan (and so apply,
 * which sends no write) stops there.
 */
public final class ReferenceCheck {
  private ReferenceCheck() {}

  public static void check(DesiredState desired, LiveState live) {
    List<SpecError> problems = problems(desired, live);
    if (!problems.isEmpty()) throw new SpecException(problems);
  }

  static List<SpecError> problems(DesiredState desired, LiveState live) {
    LiveState.StackSettings stack = live.stack();
    Set<String> environments = new HashSet<>(stack.environmentNamesByUid().values());
    environments.addAll(stack.environmentNamesByUid().keySet());
    Set<EntryKey> missing = new HashSet<>(stack.missingEntries());
    // Lytics audiences can only be checked when the project lists them (as audiences of source
    // LYTICS).
    Set<String> lytics = new HashSet<>();
    live.audiences().stream().filter(LiveAudience::lytics).forEach(a -> lytics.add(a.uid()));
    List<SpecError> out = new ArrayList<>();
    for (SpecReference r : desired.references()) {
      String v = r.value();
      if (v == null) continue;
      boolean exists =
          switch (r.type()) {
            case ATTRIBUTE -> live.attributeByKey(v).isPresent();
            case AUDIENCE -> live.audienceByName(v).isPresent();
            case EVENT -> live.eventByKey(v).isPresent();
            case CONTENT_TYPE -> !stack.read() || stack.contentTypes().contains(v);
            case ENTRY -> !missing.contains(new EntryKey(r.contentType(), v, r.locale()));
            case LOCALE -> !stack.read() || stack.locales().contains(v);
            case ENVIRONMENT -> !stack.read() || environments.contains(v);
            case LYTICS_AUDIENCE -> lytics.isEmpty() || lytics.contains(v);
          };
      if (exists) continue;
      boolean typeMissing =
          r.contentType() != null
              && stack.read()
              && !stack.contentTypes().contains(r.contentType());
      String what =
          r.type() == SpecReference.Type.ENTRY
              ? (typeMissing
                  ? "content type '"
                      + r.contentType()
                      + "' of entry '"
                      + v
                      + "' does not exist in the stack"
                  : "entry '"
                      + v
                      + "' of content type '"
                      + r.contentType()
                      + "' (locale "
                      + r.locale()
                      + ") does not exist in the stack")
              : r.type() == SpecReference.Type.CONTENT_TYPE
                      || r.type() == SpecReference.Type.LOCALE
                      || r.type() == SpecReference.Type.ENVIRONMENT
                  ? "no "
                      + r.type().label()
                      + " '"
                      + v
                      + "' exists in the stack"
                      + suggestion(r.type(), stack)
                  : "no "
                      + r.type().label()
                      + " '"
                      + v
                      + "' exists in the specs or in the live project";
      out.add(r.error(what));
    }
    out.sort(SpecError.ORDER);
    return out;
  }

  private static String suggestion(SpecReference.Type type, LiveState.StackSettings stack) {
    List<String> known =
        switch (type) {
          case CONTENT_TYPE -> stack.contentTypes();
          case LOCALE -> stack.locales();
          default -> List.copyOf(new java.util.TreeSet<>(stack.environmentNamesByUid().values()));
        };
    return known.isEmpty()
        ? ""
        : " (it has: " + String.join(", ", known.stream().sorted().toList()) + ")";
  }
}
