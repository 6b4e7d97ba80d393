package dev.cspctl.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, reproducible faults from a spec like {@code 500:0.05,429:0.05,reset:0.02,drop:0.05}. One
 * draw per API request: the same seed and request order give the same schedule.
 */
public final class FaultInjector {
  /**
   * NONE, answer 500/429 before the work, RESET (close before the work), DROP (close after commit).
   */
  public enum Fault {
    NONE,
    ERROR_500,
    THROTTLE_429,
    RESET,
    DROP,
    LATENCY_SPIKE
  }

  private final Map<Fault, Double> probabilities;
  private final Random random;

  FaultInjector(String spec, long seed) {
    this.probabilities = parse(spec);
    this.random = new Random(seed);
  }

  /** Parses the spec; throws IllegalArgumentException naming the bad part. */
  public static Map<Fault, Double> parse(String spec) {
    Map<Fault, Double> m = new LinkedHashMap<>();
    if (spec == null || spec.isBlank()) {
      return m;
    }
    double total = 0;
    for (String part : spec.split(",", -1)) {
      String[] kv = part.trim().split(":", -1);
      if (kv.length != 2) {
        throw new IllegalArgumentException("bad fault '" + part + "': expected kind:probability");
      }
      Fault f =
          switch (kv[0].trim()) {
            case "500" -> Fault.ERROR_500;
            case "429" -> Fault.THROTTLE_429;
            case "reset" -> Fault.RESET;
            case "drop" -> Fault.DROP;
            case "latency-spike" -> Fault.LATENCY_SPIKE;
            default ->
                throw new IllegalArgumentException(
                    "unknown fault kind '" + kv[0] + "' (500, 429, reset, drop, latency-spike)");
          };
      double p;
      try {
        p = Double.parseDouble(kv[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad probability in '" + part + "'");
      }
      if (p < 0 || p > 1) {
        throw new IllegalArgumentException("probability out of [0,1] in '" + part + "'");
      }
      total += p;
      m.put(f, p);
    }
    if (total > 1 + 1e-9) {
      throw new IllegalArgumentException("fault probabilities sum to more than 1: " + spec);
    }
    return m;
  }

  synchronized Fault next() {
    if (probabilities.isEmpty()) {
      return Fault.NONE;
    }
    double u = random.nextDouble();
    double acc = 0;
    for (Map.Entry<Fault, Double> e : probabilities.entrySet()) {
      acc += e.getValue();
      if (u < acc) {
        return e.getKey();
      }
    }
    return Fault.NONE;
  }

  /** The first n decisions a fresh injector with this spec and seed would make. */
  public static List<Fault> schedule(String spec, long seed, int n) {
    FaultInjector f = new FaultInjector(spec, seed);
    List<Fault> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(f.next());
    }
    return out;
  }
}
