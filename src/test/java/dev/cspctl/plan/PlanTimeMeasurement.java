package dev.cspctl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cspctl.plan.render.JsonRenderer;
import dev.cspctl.plan.render.MarkdownRenderer;
import dev.cspctl.plan.render.TextRenderer;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.state.LiveState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning time for 500 resources with the models in memory (no I/O): prints figures, asserts only
 * the plan's size. Run: ./mvnw -B -Pslow test -Dtest=PlanTimeMeasurement
 */
@Tag("slow")
class PlanTimeMeasurement {
  @Test
  void plan500Resources(@TempDir Path dir) {
    StringBuilder y = new StringBuilder();
    for (int i = 0; i < 50; i++)
      y.append("---\nkind: Attribute\nkey: attr_")
          .append(i)
          .append("\nname: A")
          .append(i)
          .append('\n');
    for (int i = 0; i < 50; i++) y.append("---\nkind: Event\nkey: event_").append(i).append('\n');
    for (int i = 0; i < 150; i++) {
      y.append("---\nkind: Audience\nname: Audience ")
          .append(i)
          .append("\nrules:\n  - attribute: attr_")
          .append(i % 50)
          .append("\n    condition: equals\n    value: v")
          .append(i)
          .append(
              "\n  - any:\n      - preset: COUNTRY\n        condition: equals\n        value: US\n");
    }
    for (int i = 0; i < 249; i++) {
      y.append("---\nkind: Experience\nname: Experience ")
          .append(i)
          .append("\ntype: segmented\nstatus: active\ncontentTypes: [hero_banner]\nvariants:\n");
      for (int v = 0; v < 4; v++) {
        y.append("  - name: V")
            .append(v)
            .append("\n    audiences: [Audience ")
            .append((i + v) % 150)
            .append("]\n    content:\n");
        for (int e = 0; e < 5; e++) {
          y.append("      - contentType: hero_banner\n        entry: blt")
              .append(String.format("%016x", e))
              .append("\n        fields:\n          title: T")
              .append(v)
              .append(e)
              .append('\n');
        }
      }
    }
    y.append("---\nkind: Priority\norder: [\"Experience 1\", \"Experience 0\"]\n");
    DesiredState d = Fixtures.desired(dir, y.toString().substring(4));
    assertThat(d.resourceCount()).isEqualTo(500);
    LiveState empty =
        new LiveState(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    Planner planner = new Planner();
    for (int warm = 0; warm < 3; warm++) planner.plan(d, empty, PlanOptions.defaults());
    long best = Long.MAX_VALUE;
    Plan plan = null;
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      plan = planner.plan(d, empty, PlanOptions.defaults());
      best = Math.min(best, System.nanoTime() - t0);
    }
    long r0 = System.nanoTime();
    String text = new TextRenderer(false).render(plan);
    String md = new MarkdownRenderer().render(plan);
    String json = new JsonRenderer().render(plan);
    long r1 = System.nanoTime();
    System.out.printf(
        "plan-500: %d resources, %d changes, %d steps; planning %.1f ms (best of 5, warm); rendering text+md+json %.1f ms (%d/%d/%d chars)%n",
        d.resourceCount(),
        plan.changes().size(),
        plan.steps().size(),
        best / 1e6,
        (r1 - r0) / 1e6,
        text.length(),
        md.length(),
        json.length());
    assertThat(plan.changes()).hasSize(500);
    assertThat(md.length()).isLessThan(MarkdownRenderer.LIMIT);
  }
}
