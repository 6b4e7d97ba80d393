package dev.cspctl.visitor;

import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.spec.Visitor;
import dev.cspctl.spec.VisitorFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Spec folders written from YAML text and loaded the way cspctl loads them, for the visitor tests'
 * tests.
 */
final class Specs {
  static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
  static final String ATTRIBUTES =
      """
      kind: Attribute
      key: loyalty_tier
      name: Loyalty tier
      ---
      kind: Attribute
      key: orders
      name: Orders
      ---
      kind: Attribute
      key: vip
      name: VIP
      ---
      kind: Attribute
      key: signup
      name: Signed up
      ---
      kind: Attribute
      key: profile
      name: Profile
      """;

  private Specs() {}

  /**
   * A folder with the attributes above, {@code settings} appended to cspctl.yaml, and the
   * documents.
   */
  static DesiredState loadWith(String settings, String... documents) {
    try {
      Path dir = Files.createTempDirectory("cspctl-visitor");
      Files.writeString(
          dir.resolve("cspctl.yaml"), "project: 65f0c0ffee0123456789abcd\n" + settings);
      Files.writeString(dir.resolve("attributes.yaml"), ATTRIBUTES);
      Files.writeString(dir.resolve("specs.yaml"), String.join("---\n", documents));
      return new SpecLoader().load(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DesiredState load(String... documents) {
    return loadWith("", documents);
  }

  static Visitor visitor(String yaml) {
    return VisitorFile.parse(yaml, "test");
  }

  /** An active segmented experience with one variant per audience name, in order. */
  static String segmented(String name, String... variantAudiences) {
    StringBuilder b =
        new StringBuilder(
            "kind: Experience\nname: " + name + "\ntype: segmented\nstatus: active\nvariants:\n");
    for (String a : variantAudiences)
      b.append("  - name: ").append(a).append("\n    audiences: [").append(a).append("]\n");
    return b.toString();
  }

  /** An audience of one rule. */
  static String audience(String name, String rule) {
    return "kind: Audience\nname: " + name + "\nrules:\n  - " + rule.replace("\n", "\n    ") + "\n";
  }
}
