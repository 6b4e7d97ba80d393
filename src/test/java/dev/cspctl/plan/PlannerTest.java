package dev.cspctl.plan;

import static dev.cspctl.plan.Fixtures.MARK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.Kind;
import dev.cspctl.spec.ResourceKey;
import dev.cspctl.state.LiveState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
  @TempDir Path dir;

  static final String ATTR_AUD =
      """
      kind: Attribute
      key: plan_tier
      name: Plan tier
      ---
      kind: Audience
      name: Premium
      rules:
        - attribute: plan_tier
          condition: equals
          value: premium
      """;

  static final String PREMIUM_DEF =
      """
      {"__type":"RuleCombination","combinationType":"AND","rules":[{"__type":"Rule",
       "attribute":{"__type":"CustomAttributeReference","ref":"%s"},"attributeMatchCondition":"STRING_EQUALS",
       "attributeMatchOptions":{"__type":"StringMatchOptions","value":"premium"},"invertCondition":false}]}""";

  static final String EXPERIENCE =
      """
      ---
      kind: Experience
      name: Hero
      type: segmented
      status: active
      contentTypes: [hero_banner]
      variants:
        - name: Premium
          audiences: [Premium]
          content:
            - contentType: hero_banner
              entry: blt0123456789abcdef
              locale: en-us
              fields:
                title: Welcome back
      """;

  Plan plan(String yaml, LiveState live) {
    return plan(yaml, live, PlanOptions.defaults());
  }

  Plan plan(String yaml, LiveState live, PlanOptions options) {
    DesiredState d = Fixtures.desired(dir, yaml);
    return new Planner().plan(d, live, options);
  }

  /** Live state equal to ATTR_AUD + EXPERIENCE, all managed. */
  Fixtures.Live converged() {
    Fixtures.Live live = new Fixtures.Live().attribute("plan_tier", "Plan tier", MARK.strip());
    live.audience("Premium", MARK.strip(), PREMIUM_DEF.formatted(live.attributeUid("plan_tier")));
    live.segmented(
        "Hero",
        MARK.strip(),
        "ACTIVE",
        Map.of("Premium", List.of("Premium")),
        List.of("hero_banner"));
    live.entryVariant(
        "Hero",
        "0",
        "hero_banner",
        "blt0123456789abcdef",
        "{\"title\":\"Welcome back\",\"body\":\"not managed\"}");
    return live;
  }

  @Test
  void emptyProjectCreatesEverythingInDependencyOrder() {
    Plan p =
        plan(
            ATTR_AUD + EXPERIENCE + "---\nkind: Priority\norder: [Hero]\n",
            new Fixtures.Live().build());
    assertThat(p.changes()).extracting(Change::action).containsOnly(Action.CREATE);
    assertThat(p.changes())
        .extracting(c -> c.key().toString())
        .containsExactly("Attribute/plan_tier", "Audience/Premium", "Experience/Hero");
    assertThat(p.steps())
        .extracting(Step::type)
        .containsExactly(
            StepType.CREATE_ATTRIBUTE,
            StepType.CREATE_AUDIENCE,
            StepType.CREATE_EXPERIENCE,
            StepType.CONFIGURE_VERSION,
            StepType.LINK_CONTENT_TYPES,
            StepType.UPSERT_ENTRY_VARIANT,
            StepType.PUBLISH_ENTRY_VARIANTS,
            StepType.ACTIVATE_VERSION,
            StepType.REFRESH_CMS);
    assertThat(p.summary().line())
        .isEqualTo("Plan: 3 to add, 0 to change, 0 to delete, 0 to adopt.");
    Step createAttr = p.steps().get(0);
    assertThat(((Op.CreateAttribute) createAttr.op()).description()).isEqualTo(Ownership.MARKER);
    Step audience = p.steps().get(1);
    assertThat(audience.dependsOn()).containsExactly(new StepId("create_attribute:plan_tier"));
    assertThat(
            ((Op.CreateAudience) audience.op()).definition().at("/rules/0/attribute/ref").asText())
        .isEqualTo("plan_tier");
  }

  @Test
  void convergedProjectPlansNothing() {
    Plan p = plan(ATTR_AUD + EXPERIENCE, converged().build());
    assertThat(p.changes()).isEmpty();
    assertThat(p.steps()).isEmpty();
    assertThat(p.unmanagedIgnored()).isZero();
  }

  @Test
  void entryContentNumbersCompareByValueNotByJsonNodeType() {
    // YAML reads 12.5 as a BigDecimal, the API's JSON gives a double: the same value.
    String spec =
        ATTR_AUD
            + EXPERIENCE.replace(
                "title: Welcome back",
                "title: Welcome back\n          discount: 12.5\n          count: 3.0");
    Fixtures.Live live = new Fixtures.Live().attribute("plan_tier", "Plan tier", MARK.strip());
    live.audience("Premium", MARK.strip(), PREMIUM_DEF.formatted(live.attributeUid("plan_tier")));
    live.segmented(
        "Hero",
        MARK.strip(),
        "ACTIVE",
        Map.of("Premium", List.of("Premium")),
        List.of("hero_banner"));
    live.entryVariant(
        "Hero",
        "0",
        "hero_banner",
        "blt0123456789abcdef",
        "{\"title\":\"Welcome back\",\"discount\":12.5,\"count\":3}");
    assertThat(plan(spec, live.build()).changes()).isEmpty();
    assertThat(plan(spec.replace("discount: 12.5", "discount: 12.75"), live.build()).changes())
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.diffs())
                    .extracting(FieldDiff::path)
                    .containsExactly(
                        "variants[Premium].content[hero_banner/blt0123456789abcdef/en-us].fields.discount"));
  }

  @Test
  void serverSetFieldsAndTheMarkerNeverDiff() {
    Fixtures.Live live = converged();
    // shortUids, CMS uids, latestVersion, timestamps and the marker position differ from what
    // cspctl sent.
    Plan p = plan(ATTR_AUD + EXPERIENCE, live.build());
    assertThat(p.isEmpty()).isTrue();
    assertThat(Ownership.strip("Nice " + Ownership.MARKER)).isEqualTo("Nice");
    assertThat(Ownership.strip(Ownership.MARKER + " Nice")).isEqualTo("Nice");
  }

  @Test
  void unmanagedResourceWithASpecKeyIsAdopted() {
    Fixtures.Live live = new Fixtures.Live().attribute("plan_tier", "Plan tier", "made in the UI");
    Plan p =
        plan(
            "kind: Attribute\nkey: plan_tier\nname: Plan tier\ndescription: made in the UI\n",
            live.build());
    assertThat(p.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.action()).isEqualTo(Action.ADOPT);
              assertThat(c.diffs()).isEmpty();
            });
    assertThat(((Op.UpdateAttribute) p.steps().get(0).op()).description())
        .isEqualTo("made in the UI " + Ownership.MARKER);
    assertThat(p.summary().adopt()).isEqualTo(1);
  }

  @Test
  void unmanagedResourcesAreIgnoredAndCounted() {
    Fixtures.Live live =
        new Fixtures.Live().attribute("other", "Other", "UI").event("clicked", "UI");
    live.audience(
        "UI audience",
        "hand made",
        "{\"__type\":\"RuleCombination\",\"combinationType\":\"OR\",\"rules\":[]}");
    Plan p = plan("kind: Event\nkey: add_to_cart\n", live.build(), new PlanOptions(true, Set.of()));
    assertThat(p.changes())
        .extracting(c -> c.key().toString())
        .containsExactly("Event/add_to_cart");
    assertThat(p.unmanagedIgnored()).isEqualTo(3);
  }

  @Test
  void managedButUndeclaredIsKeptWithoutPruneAndDeletedInReverseOrderWithIt() {
    LiveState live = converged().build();
    Plan kept = plan("kind: Event\nkey: e\n", live);
    assertThat(kept.changes()).extracting(Change::action).containsOnly(Action.CREATE);
    assertThat(kept.warnings())
        .anySatisfy(w -> assertThat(w).contains("--prune").contains("experience 'Hero'"));

    Plan pruned = plan("kind: Event\nkey: e\n", live, new PlanOptions(true, Set.of()));
    assertThat(pruned.steps())
        .extracting(Step::type)
        .containsSubsequence(
            StepType.PAUSE_VERSION,
            StepType.DELETE_EXPERIENCE,
            StepType.DELETE_AUDIENCE,
            StepType.DELETE_ATTRIBUTE);
    Change exp =
        pruned.changes().stream()
            .filter(c -> c.key().kind() == Kind.EXPERIENCE)
            .findFirst()
            .orElseThrow();
    assertThat(exp.action()).isEqualTo(Action.DELETE);
    assertThat(exp.notes()).anySatisfy(n -> assertThat(n).contains("orphaned"));
    assertThat(pruned.summary().delete()).isEqualTo(3);
  }

  @Test
  void pruneKeepsAManagedAudienceThatAnUnmanagedExperienceStillUses() {
    Fixtures.Live live = converged();
    live.segmented("Hand made", "UI", "ACTIVE", Map.of("A", List.of("Premium")), List.of());
    Plan p =
        plan(
            "kind: Attribute\nkey: plan_tier\nname: Plan tier\n",
            live.build(),
            new PlanOptions(true, Set.of()));
    assertThat(p.changes()).extracting(c -> c.key().toString()).containsExactly("Experience/Hero");
    assertThat(p.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("audience 'Premium'")
                    .contains("still used by experience 'Hand made'"));
  }

  @Test
  void pruneDeletesEntryVariantContentNoSpecDeclares() {
    Fixtures.Live live = converged();
    live.entryVariant("Hero", "0", "hero_banner", "blt1111111111111111", "{\"title\":\"old\"}");
    Plan kept = plan(ATTR_AUD + EXPERIENCE, live.build());
    assertThat(kept.isEmpty()).isTrue();
    Plan pruned = plan(ATTR_AUD + EXPERIENCE, live.build(), new PlanOptions(true, Set.of()));
    assertThat(pruned.steps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.type()).isEqualTo(StepType.DELETE_ENTRY_VARIANT);
              Op.DeleteEntryVariant op = (Op.DeleteEntryVariant) s.op();
              assertThat(op.entry()).isEqualTo("blt1111111111111111");
              assertThat(op.variant()).isEqualTo("Premium");
            });
    assertThat(pruned.changes().get(0).notes())
        .anySatisfy(n -> assertThat(n).startsWith("prune: delete the entry variant content"));
  }

  @Test
  void renamedFromKeepsTheUid() {
    Fixtures.Live live = converged();
    String uid = live.audienceUid("Premium");
    String yaml =
        ATTR_AUD.replace("name: Premium\n", "name: Premium buyers\nrenamedFrom: Premium\n")
            + EXPERIENCE.replace("audiences: [Premium]", "audiences: [Premium buyers]");
    Plan p = plan(yaml, live.build());
    Change rename =
        p.changes().stream().filter(c -> c.key().kind() == Kind.AUDIENCE).findFirst().orElseThrow();
    assertThat(rename.action()).isEqualTo(Action.RENAME);
    assertThat(rename.diffs()).extracting(FieldDiff::path).containsExactly("name");
    Step update =
        p.steps().stream()
            .filter(s -> s.type() == StepType.UPDATE_AUDIENCE)
            .findFirst()
            .orElseThrow();
    assertThat(((Op.UpdateAudience) update.op()).uid()).isEqualTo(uid);
    assertThat(p.steps())
        .noneMatch(
            s -> s.type() == StepType.CREATE_AUDIENCE || s.type() == StepType.DELETE_AUDIENCE);
  }

  @Test
  void changedRuleIsAnUpdateWithAFieldDiff() {
    Plan p =
        plan(ATTR_AUD.replace("value: premium", "value: gold") + EXPERIENCE, converged().build());
    Change c = p.changes().get(0);
    assertThat(c.action()).isEqualTo(Action.UPDATE);
    assertThat(c.diffs())
        .extracting(FieldDiff::toString)
        .containsExactly(
            "rules: [{\"attribute\":\"plan_tier\",\"condition\":\"equals\",\"value\":\"premium\"}] -> [{\"attribute\":\"plan_tier\",\"condition\":\"equals\",\"value\":\"gold\"}]");
  }

  @Test
  void numbersCompareByValue() {
    Fixtures.Live live = new Fixtures.Live();
    live.audience(
        "Visits",
        MARK.strip(),
        """
        {"__type":"RuleCombination","combinationType":"AND","rules":[{"__type":"Rule",
         "attribute":{"__type":"PresetAttributeReference","ref":"CITY"},"attributeMatchCondition":"NUMBER_GREATER_THAN",
         "attributeMatchOptions":{"__type":"NumberMatchOptions","value":6.0}}]}""");
    Plan p =
        plan(
            "kind: Audience\nname: Visits\nrules:\n  - preset: CITY\n    condition: greaterThan\n    value: 6\n",
            live.build());
    assertThat(p.changes()).isEmpty();
  }

  @Test
  void changingAnActiveExperiencesVariantsIsANewVersionKeepingShortUids() {
    String yaml =
        ATTR_AUD
            + "---\nkind: Audience\nname: Mobile\nrules:\n  - preset: DEVICE_TYPE\n    condition: equals\n    value: MOBILE\n"
            + EXPERIENCE
            + "  - name: Mobile\n    audiences: [Mobile]\n";
    Fixtures.Live live = converged();
    live.audience(
        "Mobile",
        MARK.strip(),
        """
        {"__type":"RuleCombination","combinationType":"AND","rules":[{"__type":"Rule",
         "attribute":{"__type":"PresetAttributeReference","ref":"DEVICE_TYPE"},"attributeMatchCondition":"STRING_EQUALS",
         "attributeMatchOptions":{"__type":"StringMatchOptions","value":"MOBILE"}}]}""");
    Plan p = plan(yaml, live.build());
    Change c = p.changes().get(0);
    assertThat(c.key()).isEqualTo(new ResourceKey(Kind.EXPERIENCE, "Hero"));
    assertThat(c.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("new version: draft with the desired variants")
                    .endsWith("activate (the active version serves until then)"));
    // No pause: the draft is made beside the active version, which serves until the draft is
    // activated.
    assertThat(p.steps())
        .extracting(Step::type)
        .containsExactly(
            StepType.CREATE_DRAFT_VERSION,
            StepType.CONFIGURE_VERSION,
            StepType.ACTIVATE_VERSION,
            StepType.REFRESH_CMS);
    assertThat(p.warnings()).noneMatch(w -> w.contains("paused"));
    Step configure = p.steps().get(1);
    List<Op.VariantConfig> variants = ((Op.ConfigureVersion) configure.op()).variants();
    assertThat(variants.get(0).shortUid()).isEqualTo("0");
    assertThat(variants.get(1).shortUid()).isNull();
    assertThat(c.diffs()).extracting(FieldDiff::path).contains("variants[Mobile]");
  }

  @Test
  void aServiceThatRefusesADraftBesideTheActiveVersionIsPausedFirstWithAWarning() {
    String yaml =
        ATTR_AUD
            + EXPERIENCE
            + "  - name: Everyone else\n    audiences: [Premium]\n    match: all\n";
    Plan p = plan(yaml, converged().build(), new PlanOptions(false, java.util.Set.of(), false));
    assertThat(p.steps())
        .extracting(Step::type)
        .startsWith(
            StepType.PAUSE_VERSION, StepType.CREATE_DRAFT_VERSION, StepType.CONFIGURE_VERSION);
    assertThat(p.warnings())
        .anySatisfy(w -> assertThat(w).contains("visitors see the base entries from the pause"));
  }

  @Test
  void aChangedActiveExperienceThatShouldBePausedIsPausedOnlyAfterItsDraftIsConfigured() {
    String yaml =
        ATTR_AUD
            + EXPERIENCE.replace("status: active", "status: paused")
            + "  - name: Everyone else\n    audiences: [Premium]\n    match: all\n";
    Plan p = plan(yaml, converged().build());
    assertThat(p.steps()).extracting(Step::type).first().isEqualTo(StepType.CREATE_DRAFT_VERSION);
    assertThat(p.steps()).extracting(Step::type).last().isEqualTo(StepType.PAUSE_VERSION);
  }

  @Test
  void statusAloneIsAnActivateOrPause() {
    Plan paused =
        plan(
            ATTR_AUD + EXPERIENCE.replace("status: active", "status: paused"), converged().build());
    assertThat(paused.steps()).extracting(Step::type).containsExactly(StepType.PAUSE_VERSION);
    assertThat(paused.changes().get(0).diffs())
        .extracting(FieldDiff::path)
        .containsExactly("status");
  }

  @Test
  void entryContentComparesOnlyTheFieldsTheSpecSets() {
    Plan same = plan(ATTR_AUD + EXPERIENCE, converged().build());
    assertThat(same.isEmpty()).isTrue();
    Plan changed =
        plan(ATTR_AUD + EXPERIENCE.replace("Welcome back", "Hello again"), converged().build());
    assertThat(changed.steps())
        .extracting(Step::type)
        .containsExactly(StepType.UPSERT_ENTRY_VARIANT, StepType.PUBLISH_ENTRY_VARIANTS);
    assertThat(changed.changes().get(0).diffs())
        .extracting(FieldDiff::path)
        .containsExactly(
            "variants[Premium].content[hero_banner/blt0123456789abcdef/en-us].fields.title");
  }

  @Test
  void priorityListsEveryExperienceKeepingUnlistedOnesInOrder() {
    Fixtures.Live live = converged();
    live.segmented("UI one", "unmanaged", "ACTIVE", Map.of("A", List.of("Premium")), List.of());
    live.priority.clear();
    live.priority.add(live.experience("UI one").uid());
    live.priority.add(live.experience("Hero").uid());
    Plan p = plan(ATTR_AUD + EXPERIENCE + "---\nkind: Priority\norder: [Hero]\n", live.build());
    assertThat(p.changes())
        .singleElement()
        .satisfies(c -> assertThat(c.key().kind()).isEqualTo(Kind.PRIORITY));
    assertThat(((Op.SetPriority) p.steps().get(0).op()).order()).containsExactly("Hero", "UI one");
    live.priority.add(live.priority.remove(0));
    Plan none = plan(ATTR_AUD + EXPERIENCE + "---\nkind: Priority\norder: [Hero]\n", live.build());
    assertThat(none.isEmpty()).isTrue();
  }

  @Test
  void onlyRestrictsToTheResourceAndItsDependencies() {
    Plan p =
        plan(
            ATTR_AUD + EXPERIENCE + "---\nkind: Event\nkey: unrelated\n",
            new Fixtures.Live().build(),
            new PlanOptions(false, Set.of(new ResourceKey(Kind.EXPERIENCE, "Hero"))));
    assertThat(p.changes())
        .extracting(c -> c.key().toString())
        .containsExactly("Attribute/plan_tier", "Audience/Premium", "Experience/Hero");
    assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("--only"));
  }

  @Test
  void typeChangeOfAManagedExperienceIsAReplace() {
    Plan p =
        plan(
            ATTR_AUD
                + "---\nkind: Experience\nname: Hero\ntype: abTest\nvariants:\n  - name: A\n    traffic: 50\n  - name: B\n    traffic: 50\n",
            converged().build());
    Change c =
        p.changes().stream()
            .filter(x -> x.key().kind() == Kind.EXPERIENCE)
            .findFirst()
            .orElseThrow();
    assertThat(c.action()).isEqualTo(Action.REPLACE);
    assertThat(p.summary().add()).isEqualTo(1);
    assertThat(p.summary().delete()).isEqualTo(1);
  }

  @Test
  void samInputsGiveTheSamePlan() {
    LiveState live = converged().build();
    String yaml = ATTR_AUD.replace("premium", "gold") + EXPERIENCE.replace("Welcome", "Hi");
    assertThat(plan(yaml, live)).isEqualTo(plan(yaml, live));
  }

  @Test
  void aCycleIsAnErrorNamingIt() {
    List<Step> steps =
        List.of(
            TestSteps.step("a", StepType.CREATE_EVENT, "a", "c"),
            TestSteps.step("b", StepType.CREATE_EVENT, "b", "a"),
            TestSteps.step("c", StepType.CREATE_EVENT, "c", "b"),
            TestSteps.step("d", StepType.CREATE_EVENT, "d"));
    assertThatThrownBy(() -> StepGraph.order(steps))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("dependency cycle")
        .hasMessageContaining("a -> c -> b -> a");
  }

  @Test
  void aDesiredNameMatchingTwoLiveResourcesIsRefusedNamingTheirUids() {
    Fixtures.Live live = converged();
    live.audience("Premium", MARK.strip(), PREMIUM_DEF.formatted(live.attributeUid("plan_tier")));
    live.segmented(
        "Hero",
        MARK.strip(),
        "ACTIVE",
        Map.of("Premium", List.of("Premium")),
        List.of("hero_banner"));
    List<String> audienceUids = live.audiences.stream().map(a -> a.uid()).toList();
    assertThatThrownBy(() -> plan(ATTR_AUD + EXPERIENCE, live.build()))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("audience 'Premium' (uids " + String.join(", ", audienceUids) + ")")
        .hasMessageContaining("experience 'Hero' (uids ")
        .hasMessageContaining("one apply at a time per project");
  }

  @Test
  void creatingTwoExperiencesAlwaysSetsThePriorityBecauseConcurrentCreatesAppendInAnyOrder() {
    String second = EXPERIENCE.replace("name: Hero", "name: Hero two");
    Plan p =
        plan(
            ATTR_AUD + EXPERIENCE + second + "---\nkind: Priority\norder: [Hero, Hero two]\n",
            new Fixtures.Live().build());
    assertThat(p.steps()).extracting(Step::type).contains(StepType.SET_PRIORITY);
    Plan one =
        plan(
            ATTR_AUD + EXPERIENCE + "---\nkind: Priority\norder: [Hero]\n",
            new Fixtures.Live().build());
    assertThat(one.steps()).extracting(Step::type).doesNotContain(StepType.SET_PRIORITY);
  }
}
