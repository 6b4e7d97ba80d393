package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalizeResourcesTest extends EmulatorTestBase {
  static ObjectNode rule(String attrType, String ref, String cond, String options) {
    return Api.json(
        "{'__type':'Rule','attribute':{'__type':'"
            + attrType
            + "','ref':'"
            + ref
            + "'},"
            + "'attributeMatchCondition':'"
            + cond
            + "'"
            + (options == null ? "" : ",'attributeMatchOptions':" + options)
            + ",'invertCondition':false}");
  }

  static ObjectNode audience(ObjectNode... rules) {
    ObjectNode body =
        Api.json(
            "{'name':'x','description':'d','definition':{'__type':'RuleCombination','combinationType':'AND','rules':[]}}");
    ArrayNode a = (ArrayNode) body.path("definition").path("rules");
    for (ObjectNode r : rules) {
      a.add(r);
    }
    return body;
  }

  @Test
  void attributesCrudWithBareArrayList() {
    Api.Res created =
        api.p("POST", "/attributes", Map.of("name", "Age", "key", "age", "description", "years"));
    assertThat(created.status()).isEqualTo(201);
    String uid = created.text("/uid");
    assertThat(uid).matches("[0-9a-f]{24}");
    assertThat(created.text("/__type")).isEqualTo("CUSTOM");
    assertThat(created.text("/project")).isEqualTo(emu.credentials().projectUid());
    assertThat(api.p("GET", "/attributes", null).body().isArray()).isTrue();
    assertThat(
            api.p("PUT", "/attributes/" + uid, Map.of("name", "Age2", "key", "age")).text("/name"))
        .isEqualTo("Age2");
    assertThat(api.p("POST", "/attributes", Map.of("name", "dup", "key", "age")).status())
        .isEqualTo(400);
    assertThat(api.p("DELETE", "/attributes/" + uid, null).status()).isEqualTo(204);
    assertThat(api.p("GET", "/attributes", null).body().size()).isZero();
    assertThat(api.p("DELETE", "/attributes/" + uid, null).status()).isEqualTo(404);
    assertThat(
            api.p("POST", "/attributes", Map.of("name", "nokey")).body().path("errors").has("key"))
        .isTrue();
  }

  @Test
  void eventsCrud() {
    Api.Res created = api.p("POST", "/events", Map.of("key", "signup", "description", "d"));
    assertThat(created.status()).isEqualTo(201);
    String uid = created.text("/uid");
    assertThat(
            api.p("PUT", "/events/" + uid, Map.of("key", "signup2", "description", "x"))
                .text("/key"))
        .isEqualTo("signup2");
    assertThat(api.p("GET", "/events", null).body().get(0).path("key").asText())
        .isEqualTo("signup2");
    assertThat(api.p("DELETE", "/events/" + uid, null).status()).isEqualTo(204);
  }

  @Test
  void audienceAcceptsNestedRulesAndAllReferenceTypes() {
    String attr = api.attribute("height");
    ObjectNode nested = Api.json("{'__type':'RuleCombination','combinationType':'OR','rules':[]}");
    ((ArrayNode) nested.get("rules"))
        .add(
            rule(
                "LyticsAttributeReference",
                "LYTICS_AUDIENCE",
                "IS_MEMBER_OF",
                "{'__type':'AudienceMatchOptions','value':'abc'}"));
    ((ArrayNode) nested.get("rules"))
        .add(
            rule(
                "LyticsAttributeReference",
                "LYTICS_FLOW_STATE",
                "IS_IN_FLOW_STATE",
                "{'__type':'FlowStateMatchOptions','flowId':'f','flowState':'s'}"));
    ObjectNode body =
        audience(
            rule(
                "PresetAttributeReference",
                "COUNTRY",
                "STRING_EQUALS",
                "{'__type':'StringMatchOptions','value':'US'}"),
            rule(
                "CustomAttributeReference",
                attr,
                "NUMBER_GREATER_THAN",
                "{'__type':'NumberMatchOptions','value':6}"),
            rule("PresetAttributeReference", "DEVICE_TYPE", "HAS_ANY_VALUE", null),
            rule("CustomAttributeReference", attr, "IS_TRUE", null),
            nested);
    Api.Res r = api.p("POST", "/audiences", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String uid = r.text("/uid");
    assertThat(r.body().path("definition").path("rules").size()).isEqualTo(5);
    body.put("name", "renamed");
    assertThat(api.p("PUT", "/audiences/" + uid, body).text("/name")).isEqualTo("renamed");
    assertThat(api.p("GET", "/audiences", null).body().size()).isEqualTo(1);
    assertThat(api.p("DELETE", "/audiences/" + uid, null).status()).isEqualTo(204);
  }

  @Test
  void valueOnRuleWithoutMatchOptionsIsRejected() {
    ObjectNode r = rule("PresetAttributeReference", "COUNTRY", "STRING_EQUALS", null);
    r.put("value", "US");
    Api.Res res = api.p("POST", "/audiences", audience(r));
    assertThat(res.status()).isEqualTo(400);
    assertThat(res.body().path("errors").path("definition").get(0).asText())
        .isEqualTo("valid matchOptions is required for STRING_EQUALS condition");
    Api.Res wrongType =
        api.p(
            "POST",
            "/audiences",
            audience(
                rule(
                    "PresetAttributeReference",
                    "COUNTRY",
                    "NUMBER_LESS_THAN",
                    "{'__type':'StringMatchOptions','value':'US'}")));
    assertThat(wrongType.body().toString())
        .contains("valid matchOptions is required for NUMBER_LESS_THAN condition");
  }

  @Test
  void invalidDefinitionsAreRejected() {
    assertThat(
            api.p(
                    "POST",
                    "/audiences",
                    audience(
                        rule(
                            "CustomAttributeReference",
                            "aaaaaaaaaaaaaaaaaaaaaaaa",
                            "HAS_ANY_VALUE",
                            null)))
                .status())
        .isEqualTo(400);
    assertThat(
            api.p(
                    "POST",
                    "/audiences",
                    audience(rule("PresetAttributeReference", "PLANET", "HAS_ANY_VALUE", null)))
                .status())
        .isEqualTo(400);
    assertThat(
            api.p(
                    "POST",
                    "/audiences",
                    audience(rule("PresetAttributeReference", "COUNTRY", "SOUNDS_LIKE", null)))
                .status())
        .isEqualTo(400);
    ObjectNode badCombo =
        audience(rule("PresetAttributeReference", "COUNTRY", "HAS_ANY_VALUE", null));
    ((ObjectNode) badCombo.get("definition")).put("combinationType", "XOR");
    assertThat(api.p("POST", "/audiences", badCombo).status()).isEqualTo(400);
    ObjectNode badType =
        audience(rule("PresetAttributeReference", "COUNTRY", "HAS_ANY_VALUE", null));
    ((ObjectNode) badType.path("definition").path("rules").get(0)).put("__type", "Whatever");
    assertThat(api.p("POST", "/audiences", badType).status()).isEqualTo(400);
    assertThat(api.p("GET", "/audiences", null).body().size()).isZero();
  }

  @Test
  void fiftyRulesCountedRecursivelyIsTheCap() {
    ObjectNode nested = Api.json("{'__type':'RuleCombination','combinationType':'OR','rules':[]}");
    for (int i = 0; i < 25; i++) {
      ((ArrayNode) nested.get("rules"))
          .add(rule("PresetAttributeReference", "CITY", "HAS_ANY_VALUE", null));
    }
    ObjectNode fifty = audience(nested);
    for (int i = 0; i < 25; i++) {
      ((ArrayNode) fifty.path("definition").path("rules"))
          .add(rule("PresetAttributeReference", "CITY", "HAS_ANY_VALUE", null));
    }
    assertThat(api.p("POST", "/audiences", fifty).status()).isEqualTo(201);
    ((ArrayNode) nested.get("rules"))
        .add(rule("PresetAttributeReference", "CITY", "HAS_ANY_VALUE", null));
    ObjectNode fiftyOne = audience(nested);
    for (int i = 0; i < 25; i++) {
      ((ArrayNode) fiftyOne.path("definition").path("rules"))
          .add(rule("PresetAttributeReference", "CITY", "HAS_ANY_VALUE", null));
    }
    Api.Res r = api.p("POST", "/audiences", fiftyOne);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().toString()).contains(EmulatorAssumptions.MAX_RULES_MESSAGE);
  }

  @Test
  void referencedResourcesCannotBeDeletedWhileInUse() {
    String attr = api.attribute("age");
    String ev = api.event("signup");
    Api.Res aud =
        api.p(
            "POST",
            "/audiences",
            audience(rule("CustomAttributeReference", attr, "HAS_ANY_VALUE", null)));
    String audUid = aud.text("/uid");
    String exp = api.experience("E", "SEGMENTED");
    ObjectNode body = Api.version("DRAFT", Api.segmented("v", null, audUid));
    body.putArray("metrics")
        .addObject()
        .put("__type", "Primary")
        .put("event", ev)
        .put("name", "Signup");
    api.p("PUT", "/experiences/" + exp + "/versions/" + api.latestVersion(exp), body);
    assertThat(api.p("DELETE", "/attributes/" + attr, null).text("/message"))
        .isEqualTo("personalize.ATTRIBUTES.IN_USE");
    assertThat(api.p("DELETE", "/audiences/" + audUid, null).text("/message"))
        .isEqualTo("personalize.AUDIENCES.IN_USE");
    assertThat(api.p("DELETE", "/events/" + ev, null).status()).isEqualTo(400);
    assertThat(api.p("DELETE", "/experiences/" + exp, null).status()).isEqualTo(204);
    assertThat(api.p("DELETE", "/audiences/" + audUid, null).status()).isEqualTo(204);
    assertThat(api.p("DELETE", "/attributes/" + attr, null).status()).isEqualTo(204);
    assertThat(api.p("DELETE", "/events/" + ev, null).status()).isEqualTo(204);
  }
}
