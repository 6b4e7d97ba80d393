package dev.cspctl.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cspctl.api.personalize.VersionStatus;
import dev.cspctl.spec.Condition;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Match;
import org.junit.jupiter.api.Test;

class ApiNamesTest {
  @Test
  void everySpecEnumHasAWireNameThatReadsBack() {
    for (ExperienceType t : ExperienceType.values())
      assertThat(ApiNames.experienceType(ApiNames.experienceType(t))).contains(t);
    for (Match m : Match.values()) assertThat(ApiNames.match(ApiNames.match(m))).contains(m);
    for (Condition c : Condition.values()) {
      assertThat(ApiNames.condition(c, JsonNodeFactory.instance.textNode("x"))).isNotNull();
      assertThat(ApiNames.condition(ApiNames.condition(c, null))).contains(c);
    }
    for (VersionStatus s : VersionStatus.values())
      assertThat(ApiNames.versionStatus(ApiNames.versionStatus(s))).contains(s);
  }

  @Test
  void wireNamesAreTheApis() {
    assertThat(ApiNames.experienceType(ExperienceType.AB_TEST)).isEqualTo("AB_TEST");
    assertThat(ApiNames.match(Match.ALL)).isEqualTo("AND");
    assertThat(ApiNames.matchOrAny("anything else")).isEqualTo(Match.ANY);
    assertThat(ApiNames.condition(Condition.EQUALS, JsonNodeFactory.instance.numberNode(6)))
        .isEqualTo("NUMBER_EQUAL_TO");
    assertThat(ApiNames.condition("NUMBER_EQUAL_TO")).contains(Condition.EQUALS);
    assertThat(ApiNames.versionStatus("SOMETHING")).isEmpty();
  }
}
