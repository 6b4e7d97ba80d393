package dev.cspctl.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Operations in saved plans: the step's type is the Jackson type id, args the record's fields. */
class OpJsonTest {
  private static ObjectNode step(String type, com.fasterxml.jackson.databind.JsonNode args) {
    ObjectNode s = JsonNodeFactory.instance.objectNode().put("id", "x:y").put("type", type);
    s.put("resource", "y").put("description", "d").putArray("depends_on");
    s.set("args", args);
    return s;
  }

  @ParameterizedTest
  @EnumSource(StepType.class)
  void everyOperationReadsBackEqualFromItsTypeIdAndArgs(StepType type) {
    Op op = TestSteps.op(type, "Hero");
    assertThat(op.stepType()).isEqualTo(type);
    Op read = OpJson.read(step(type.name(), OpJson.args(op)));
    assertThat(read).isEqualTo(op).isInstanceOf(type.opClass());
  }

  @Test
  void anUnknownTypeOrFieldIsRefusedNamingIt() {
    assertThatThrownBy(() -> OpJson.read(step("TELEPORT", JsonNodeFactory.instance.objectNode())))
        .isInstanceOf(PlanException.class)
        .hasMessage("unknown step type 'TELEPORT'");
    ObjectNode args = (ObjectNode) OpJson.args(new Op.ActivateVersion("Hero"));
    args.put("force", true);
    assertThatThrownBy(() -> OpJson.read(step("ACTIVATE_VERSION", args)))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("step of type ACTIVATE_VERSION has arguments cspctl cannot read")
        .hasMessageContaining("force");
  }

  @Test
  void argsCarryNoTypeIdAndLeaveNullsOut() {
    var json =
        OpJson.args(
            new Op.CreateExperience("Hero", "d", dev.cspctl.spec.ExperienceType.AB_TEST, null));
    assertThat(json.toString())
        .isEqualTo("{\"name\":\"Hero\",\"description\":\"d\",\"type\":\"AB_TEST\"}");
  }
}
