package dev.cspctl.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  @TempDir Path dir;

  private DesiredState load(String... pathAndContent) throws IOException {
    Files.writeString(
        dir.resolve("cspctl.yaml"),
        "project: 65f0c0ffee0123456789abcd\npublish:\n  locales: [de-de, en-us]\n");
    for (int i = 0; i < pathAndContent.length; i += 2) {
      Path p = dir.resolve(pathAndContent[i]);
      Files.createDirectories(p.getParent());
      Files.writeString(p, pathAndContent[i + 1]);
    }
    return new SpecLoader().load(dir);
  }

  @Test
  void loadsTheExampleProject() {
    DesiredState s = new SpecLoader().load(Path.of("specs"));
    assertThat(s.attributes()).extracting(Attribute::key).containsExactly("plan_tier", "visits");
    assertThat(s.events())
        .extracting(Event::key)
        .containsExactly("add_to_cart", "checkout_completed");
    assertThat(s.audiences())
        .extracting(Audience::name)
        .containsExactly("Premium shoppers", "Mobile visitors", "Frequent visitors");
    assertThat(s.experiences())
        .extracting(Experience::name)
        .containsExactly("Checkout CTA test", "Homepage hero by segment");
    assertThat(s.priority())
        .get()
        .extracting(Priority::order)
        .isEqualTo(List.of("Homepage hero by segment", "Checkout CTA test"));
    assertThat(s.project().project()).isEqualTo("65f0c0ffee0123456789abcd");
    assertThat(s.project().publish().method()).isEqualTo(PublishSettings.PublishMethod.BULK);
    assertThat(s.unresolved()).isEmpty();

    AudienceRules.Language premium = (AudienceRules.Language) s.audiences().get(0).rules();
    assertThat(premium.match()).isEqualTo(Match.ALL);
    assertThat(premium.rules()).hasSize(3);
    assertThat(premium.rules().get(2)).isInstanceOf(Rule.Group.class);
    Rule.Group nested = (Rule.Group) premium.rules().get(2);
    assertThat(nested.match()).isEqualTo(Match.ANY);
    assertThat(premium.size()).isEqualTo(5);

    Experience hero = s.experiences().get(1);
    assertThat(hero.type()).isEqualTo(ExperienceType.SEGMENTED);
    assertThat(hero.status()).isEqualTo(ExperienceStatus.ACTIVE);
    Variant v = hero.variants().get(0);
    assertThat(v.lyticsAudiences()).containsExactly("0123456789abcdef0123456789abcdef");
    assertThat(v.content().get(0).locale()).isEqualTo("en-us");
    assertThat(v.content().get(0).fields().path("cta").path("label").asText())
        .isEqualTo("Shop premium");

    Experience ab = s.experiences().get(0);
    assertThat(ab.variants()).extracting(Variant::traffic).containsExactly(50, 50);
    assertThat(ab.metrics()).extracting(Metric::primary).containsExactly(true, false);
  }

  @Test
  void appliesDefaultsFromTheSpecFormat() throws IOException {
    DesiredState s =
        load(
            "a.yaml",
            """
        kind: Audience
        name: A
        rules:
          - preset: CITY
            condition: exists
        ---
        kind: Experience
        name: E
        type: segmented
        contentTypes: [hero]
        variants:
          - name: V
            audiences: [A]
            content:
              - contentType: hero
                entry: blt0123456789abcdef
                fields: {title: x}
        """);
    Audience a = s.audiences().get(0);
    assertThat(((AudienceRules.Language) a.rules()).match()).isEqualTo(Match.ALL);
    assertThat(a.description()).isEmpty();
    Experience e = s.experiences().get(0);
    assertThat(e.status()).isEqualTo(ExperienceStatus.DRAFT);
    assertThat(e.variants().get(0).match()).isEqualTo(Match.ANY);
    assertThat(e.variants().get(0).content().get(0).locale()).isEqualTo("de-de");
  }

  @Test
  void keepsNorwayAStringAndDatesAsText() throws IOException {
    DesiredState s =
        load(
            "a.yaml",
            """
        kind: Audience
        name: Norway
        rules:
          - preset: COUNTRY
            condition: equals
            value: NO
          - preset: DATE_AND_TIME
            condition: after
            value: 2026-01-01
        """);
    var rules = ((AudienceRules.Language) s.audiences().get(0).rules()).rules();
    assertThat(((Rule.OnPreset) rules.get(0)).value().isTextual()).isTrue();
    assertThat(((Rule.OnPreset) rules.get(0)).value().asText()).isEqualTo("NO");
    assertThat(((Rule.OnPreset) rules.get(1)).value().asText()).isEqualTo("2026-01-01");
  }

  @Test
  void readsFilesRecursivelyInSortedOrderAndSkipsHiddenFolders() throws IOException {
    DesiredState s =
        load(
            "z/b.yaml", "kind: Event\nkey: z_b\n",
            "a.yml", "kind: Event\nkey: a\n---\nkind: Event\nkey: a2\n",
            "m/a.yaml", "kind: Event\nkey: m_a\n",
            ".cspctl/ignored.yaml", "not: a spec\n",
            "notes.txt", "ignored");
    assertThat(s.events()).extracting(Event::key).containsExactly("a", "a2", "m_a", "z_b");
    assertThat(s.fileCount()).isEqualTo(4);
  }

  @Test
  void renamedFromIsKept() throws IOException {
    DesiredState s =
        load(
            "a.yaml",
            "kind: Audience\nname: New\nrenamedFrom: Old\nrules:\n  - preset: CITY\n    condition: exists\n");
    assertThat(s.audiences().get(0).renamedFrom()).isEqualTo("Old");
  }

  @Test
  void referencesToUndeclaredResourcesAreLeftForPlan() throws IOException {
    DesiredState s =
        load(
            "e.yaml",
            """
        kind: Experience
        name: E
        type: abTest
        metrics:
          - event: purchase
            primary: true
        variants:
          - name: A
            traffic: 50
          - name: B
            traffic: 50
        """,
            "a.yaml",
            "kind: Audience\nname: A\nrules:\n  - attribute: loyalty_points\n    condition: greaterThan\n    value: 100\n");
    assertThat(s.unresolved())
        .extracting(DesiredState.UnresolvedReference::name)
        .containsExactlyInAnyOrder("purchase", "loyalty_points");
    assertThat(s.unresolved()).extracting(r -> r.origin().line()).containsExactlyInAnyOrder(5, 4);
  }

  @Test
  void reportsAllErrorsOfARunSortedByFileAndLine() throws IOException {
    assertThatThrownBy(
            () ->
                load(
                    "b.yaml", "kind: Event\nkey: b\nbad: 1\n",
                    "a.yaml", "kind: Event\nkey: a\nbad: 1\n---\nkind: Nope\n"))
        .isInstanceOfSatisfying(
            SpecException.class,
            e ->
                assertThat(e.errors())
                    .extracting(
                        x -> x.file().substring(x.file().lastIndexOf('/') + 1) + ":" + x.line())
                    .containsExactly("a.yaml:3", "a.yaml:5", "b.yaml:3"));
  }

  @Test
  void modelIsImmutable() {
    DesiredState s = new SpecLoader().load(Path.of("specs"));
    EntryContent c = s.experiences().get(1).variants().get(0).content().get(0);
    ((com.fasterxml.jackson.databind.node.ObjectNode) c.fields()).put("title", "changed");
    assertThat(c.fields().path("title").asText()).isEqualTo("Welcome back");
    assertThatThrownBy(() -> s.audiences().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(s.byKey()).containsKey(new ResourceKey(Kind.EXPERIENCE, "Checkout CTA test"));
  }

  @Test
  void everyExampleFileReferencesItsSchemaForEditors() throws IOException {
    try (var files = Files.walk(Path.of("specs"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        String first = Files.readAllLines(f).get(0);
        assertThat(first).as(f.toString()).startsWith("# yaml-language-server: $schema=");
        Path schema = f.getParent().resolve(first.substring(first.indexOf('=') + 1)).normalize();
        assertThat(schema).as(f.toString()).exists();
      }
    }
  }
}
