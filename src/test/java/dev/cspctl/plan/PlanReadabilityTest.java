package dev.cspctl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.plan.render.MarkdownRenderer;
import dev.cspctl.plan.render.TextRenderer;
import dev.cspctl.spec.Kind;
import dev.cspctl.spec.ResourceKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan as a reviewer reads it: a legend, no line numbers of hidden renderings, no empty diff
 * blocks.
 */
class PlanReadabilityTest {
  static final ObjectMapper M = new ObjectMapper();

  static ObjectNode event(String description) {
    return M.createObjectNode().put("key", "signup").put("description", description);
  }

  final Plan adoption =
      new Plan(
          List.of(
              new Change(
                  new ResourceKey(Kind.EVENT, "signup"),
                  Action.ADOPT,
                  event("Signed up"),
                  event("Signed up"),
                  List.of(),
                  List.of(),
                  List.of())),
          List.of(),
          0,
          List.of());

  @Test
  void anAdoptionWithoutFieldChangesHasNoEmptyDiffBlock() {
    String md = new MarkdownRenderer().render(adoption);
    assertThat(md)
        .contains("_No field changes: only cspctl's ownership marker is added._")
        .doesNotContain("```diff\n```");
  }

  @Test
  void theMarkdownNamesWhatThePlanWasMadeFor() {
    String md =
        new MarkdownRenderer()
            .render(
                adoption,
                "Made for project `p` (stack `s`) at region `eu`, from commit `0123456789ab`.");
    assertThat(md)
        .startsWith(
            "### cspctl plan\n\nMade for project `p` (stack `s`) at region `eu`, from commit `0123456789ab`.\n\n");
  }

  @Test
  void theTextPlanHasALegendAndNoHunkLineNumbers() {
    ObjectNode before = M.createObjectNode();
    ObjectNode after = M.createObjectNode();
    for (int i = 0; i < 20; i++) {
      before.put("f" + i, "v");
      after.put("f" + i, i == 15 ? "changed" : "v");
    }
    Plan plan =
        new Plan(
            List.of(
                new Change(
                    new ResourceKey(Kind.AUDIENCE, "A"),
                    Action.UPDATE,
                    before,
                    after,
                    List.of(),
                    List.of(),
                    List.of()),
                new Change(
                    new ResourceKey(Kind.EVENT, "signup"),
                    Action.ADOPT,
                    event("x"),
                    event("x"),
                    List.of(),
                    List.of(),
                    List.of())),
            List.of(),
            0,
            List.of());
    String text = new TextRenderer(false).render(plan);
    assertThat(text).contains("Symbols:  ~ update in place  > adopt\n").doesNotContain("@@");
    assertThat(text).contains("      …\n      f12: v\n");
  }
}
