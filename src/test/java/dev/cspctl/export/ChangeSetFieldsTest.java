package dev.cspctl.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeSetFieldsTest {
  static final ObjectMapper M = new ObjectMapper();

  static JsonNode json(String s) throws Exception {
    return M.readTree(s.replace('\'', '"'));
  }

  @Test
  void nestedGroupPathsBecomeNestedMappingsWithOnlyTheChangedLeaves() throws Exception {
    JsonNode live =
        json(
            "{'title':'T','headline':'H','cta':{'label':'L','url':'/u','style':{'color':'red','size':2}}}");
    var r = ChangeSetFields.rebuild(live, List.of("title", "cta.label", "cta.style.color"));
    assertThat(r.fields())
        .isEqualTo(json("{'title':'T','cta':{'label':'L','style':{'color':'red'}}}"));
    assertThat(r.takenWhole()).isEmpty();
    assertThat(r.missing()).isEmpty();
  }

  @Test
  void pathsThroughListsTakeTheWholeTopLevelField() throws Exception {
    JsonNode live =
        json(
            "{'sections':[{'hero':{'heading':'x','_metadata':{'uid':'cs1'}}}],'group':[{'t':'a','_metadata':{'uid':'cs2'}}],'title':'T'}");
    var r =
        ChangeSetFields.rebuild(
            live, List.of("sections.hero.cs1.heading", "group.cs2.t", "group.cs3.t"));
    assertThat(r.fields())
        .isEqualTo(
            json(
                "{'sections':[{'hero':{'heading':'x','_metadata':{'uid':'cs1'}}}],'group':[{'t':'a','_metadata':{'uid':'cs2'}}]}"));
    assertThat(r.takenWhole()).containsExactly("sections", "group");
  }

  @Test
  void aWholeGroupAfterOneOfItsLeavesAndMissingPaths() throws Exception {
    JsonNode live = json("{'cta':{'label':'L','url':'/u'},'gone':null}");
    var r = ChangeSetFields.rebuild(live, List.of("cta.label", "cta", "nope.x", "gone"));
    assertThat(r.fields()).isEqualTo(json("{'cta':{'label':'L','url':'/u'},'gone':null}"));
    assertThat(r.missing()).containsExactly("nope.x");
  }
}
