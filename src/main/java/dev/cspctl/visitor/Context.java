package dev.cspctl.visitor;

import dev.cspctl.spec.Visitor;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * One evaluation's inputs and memo: the visitor, the time it is evaluated at, audience results so
 * far.
 */
final class Context {
  private static final Tri[] TRI = Tri.values();
  final Visitor visitor;
  final Instant time;
  final Set<String> lytics;

  /** Per audience index: 0 not yet evaluated, else Tri ordinal + 1. */
  private final byte[] audienceMemo;

  Context(Visitor visitor, Instant now, int audienceCount) {
    this.visitor = visitor;
    this.time = visitor.time() != null ? visitor.time() : now;
    this.lytics =
        visitor.lyticsAudiences().isEmpty() ? Set.of() : new HashSet<>(visitor.lyticsAudiences());
    this.audienceMemo = new byte[audienceCount];
  }

  // the memo holds ordinal + 1 (0: not evaluated yet), read back through TRI = Tri.values()
  @SuppressWarnings("EnumOrdinal")
  Tri audience(CompiledAudience a) {
    byte m = audienceMemo[a.index()];
    if (m != 0) return TRI[m - 1];
    Tri t = a.rules().eval(this);
    audienceMemo[a.index()] = (byte) (t.ordinal() + 1);
    return t;
  }
}
