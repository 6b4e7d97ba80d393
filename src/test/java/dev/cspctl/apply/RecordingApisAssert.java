package dev.cspctl.apply;

import dev.cspctl.apply.RecordingApis.Call;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on what {@link RecordingApis} was asked, in the style of java-operator-sdk's {@code
 * ExecutionAssert}. A call is named by its method and a prefix of its key arguments:
 *
 * <pre>
 * assertThat(apis).called("createAudience", "Premium").before("updateVersion", expUid);
 * assertThat(apis).calledOnce("setPriority").neverCalled("deleteExperience");
 * </pre>
 */
final class RecordingApisAssert extends AbstractAssert<RecordingApisAssert, RecordingApis> {
  private final int lastMatch;

  private RecordingApisAssert(RecordingApis actual, int lastMatch) {
    super(actual, RecordingApisAssert.class);
    this.lastMatch = lastMatch;
  }

  static RecordingApisAssert assertThat(RecordingApis apis) {
    return new RecordingApisAssert(apis, -1);
  }

  private List<Call> history() {
    isNotNull();
    return actual.calls();
  }

  private static int first(List<Call> calls, int from, String method, String... args) {
    return IntStream.range(Math.max(0, from), calls.size())
        .filter(i -> calls.get(i).matches(method, args))
        .findFirst()
        .orElse(-1);
  }

  private static String name(String method, String... args) {
    return method + "(" + String.join(", ", args) + (args.length > 0 ? ", …" : "…") + ")";
  }

  /** Such a call was made; later {@link #before}/{@link #then} refer to its first occurrence. */
  RecordingApisAssert called(String method, String... args) {
    List<Call> calls = history();
    int at = first(calls, 0, method, args);
    if (at < 0)
      failWithMessage(
          "expected a call %s but the calls were:%n  %s", name(method, args), lines(calls));
    return new RecordingApisAssert(actual, at);
  }

  /** The call named before comes before the first call of this one, which was made. */
  RecordingApisAssert before(String method, String... args) {
    requireAnchor("before");
    List<Call> calls = history();
    int at = first(calls, 0, method, args);
    if (at < 0)
      failWithMessage(
          "expected a call %s but the calls were:%n  %s", name(method, args), lines(calls));
    if (at < lastMatch) {
      failWithMessage(
          "expected %s before %s but it came after it; the calls were:%n  %s",
          calls.get(lastMatch), calls.get(at), lines(calls));
    }
    return new RecordingApisAssert(actual, at);
  }

  /** Such a call was made after the call named before (not necessarily right after it). */
  RecordingApisAssert then(String method, String... args) {
    requireAnchor("then");
    List<Call> calls = history();
    int at = first(calls, lastMatch + 1, method, args);
    if (at < 0) {
      failWithMessage(
          "expected a call %s after %s but the calls were:%n  %s",
          name(method, args), calls.get(lastMatch), lines(calls));
    }
    return new RecordingApisAssert(actual, at);
  }

  RecordingApisAssert calledTimes(int times, String method, String... args) {
    List<Call> calls = history();
    long n = calls.stream().filter(c -> c.matches(method, args)).count();
    if (n != times) {
      failWithMessage(
          "expected %s %d time(s) but it was called %d time(s); the calls were:%n  %s",
          name(method, args), times, n, lines(calls));
    }
    return new RecordingApisAssert(actual, first(calls, 0, method, args));
  }

  RecordingApisAssert calledOnce(String method, String... args) {
    return calledTimes(1, method, args);
  }

  RecordingApisAssert neverCalled(String method, String... args) {
    calledTimes(0, method, args);
    return this;
  }

  /** The whole history, one {@code method(args)} string per call, for exact sequences. */
  ListAssert<String> calls() {
    return Assertions.assertThat(history().stream().map(Call::toString).toList());
  }

  private void requireAnchor(String what) {
    if (lastMatch < 0)
      throw new IllegalStateException(
          what + "() needs a call named first: called(...)." + what + "(...)");
  }

  private static String lines(List<Call> calls) {
    return calls.isEmpty()
        ? "(none)"
        : String.join(System.lineSeparator() + "  ", calls.stream().map(Call::toString).toList());
  }
}
