package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeSetTest {
  private static final String BASE =
      "{'title':'t','n':1,'tags_list':['a'],'cta':{'label':'l','url':'/u'},"
          + "'group':[{'single_line':'V1','_metadata':{'uid':'cs5baf'}},{'single_line':'V2','_metadata':{'uid':'csc30e'}}],"
          + "'sections':[{'hero':{'heading':'h','_metadata':{'uid':'cs1'}}}]}";

  @Test
  void multipleGroupsUseTheItemUid() {
    var variant =
        Api.json(
            "{'title':'t','group':[{'single_line':'V1','_metadata':{'uid':'cs5baf'}},"
                + "{'single_line':'changed','_metadata':{'uid':'csc30e'}}]}");
    assertThat(ChangeSet.compute(Api.json(BASE), variant))
        .containsExactly("group.csc30e.single_line");
  }

  @Test
  void scalarsArraysNestedGroupsAndNewBlocks() {
    var variant =
        Api.json(
            "{'n':2,'tags_list':['a','b'],'cta':{'url':'/u'},'uid':'ignored','_version':9,"
                + "'sections':[{'hero':{'heading':'h','_metadata':{'uid':'cs1'}}},{'quote':{'text':'q','author':'me','_metadata':{'uid':'cs2'}}}],"
                + "'brand_new':{'x':1}}");
    assertThat(ChangeSet.compute(Api.json(BASE), variant))
        .containsExactly(
            "n",
            "tags_list",
            "sections.quote.cs2.text",
            "sections.quote.cs2.author",
            "brand_new.x");
  }

  @Test
  void identicalContentHasNoChanges() {
    assertThat(ChangeSet.compute(Api.json(BASE), Api.json(BASE))).isEmpty();
  }
}
