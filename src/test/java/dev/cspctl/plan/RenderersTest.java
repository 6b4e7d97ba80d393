package dev.cspctl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import dev.cspctl.plan.render.JsonRenderer;
import dev.cspctl.plan.render.MarkdownRenderer;
import dev.cspctl.plan.render.TextRenderer;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.SchemaCatalog;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.state.LiveState;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderersTest {
  static final LiveState EMPTY =
      new LiveState(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  static Plan examplesOnEmpty() {
    DesiredState d = new SpecLoader().load(Path.of("specs"));
    return new Planner().plan(d, EMPTY, PlanOptions.defaults());
  }

  @Test
  void jsonPlanValidatesAgainstItsSchema() throws Exception {
    String json = new JsonRenderer().render(examplesOnEmpty());
    Set<ValidationMessage> errors =
        SchemaCatalog.instance()
            .get("plan.schema.json")
            .schema()
            .validate(new ObjectMapper().readTree(json));
    assertThat(errors).isEmpty();
    assertThat(json).contains("\"format_version\" : \"1\"");
  }

  @Test
  void textHasColourOnlyWhenAsked() {
    Plan p = examplesOnEmpty();
    assertThat(new TextRenderer(false).render(p)).doesNotContain("\u001b[");
    assertThat(new TextRenderer(true).render(p)).contains("\u001b[32m+ Attribute");
    assertThat(new TextRenderer(false).render(p))
        .endsWith("Plan: 9 to add, 1 to change, 0 to delete, 0 to adopt.\n");
  }

  @Test
  void markdownStaysUnderTheLimitWithANote(@TempDir Path dir) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      yaml.append("---\nkind: Audience\nname: Audience number ")
          .append(i)
          .append("\ndescription: ")
          .append("x".repeat(100))
          .append("\nrules:\n  - preset: CITY\n    condition: equals\n    value: City ")
          .append(i)
          .append('\n');
    }
    DesiredState d = Fixtures.desired(dir, yaml.toString());
    Plan p = new Planner().plan(d, EMPTY, PlanOptions.defaults());
    String md = new MarkdownRenderer().render(p);
    assertThat(md.length()).isLessThan(MarkdownRenderer.LIMIT);
    assertThat(md)
        .contains("more change(s) are not shown")
        .contains("| `+` | Audience | Audience number 399 |");
  }

  @Test
  void emptyPlanSaysNoChanges() {
    DesiredState d = new SpecLoader().load(Path.of("specs"));
    Plan p = new Plan(List.of(), List.of(), 2, List.of());
    assertThat(new TextRenderer(false).render(p))
        .startsWith("No changes.")
        .contains("2 unmanaged live resource(s) ignored");
    assertThat(d).isNotNull();
  }
}
