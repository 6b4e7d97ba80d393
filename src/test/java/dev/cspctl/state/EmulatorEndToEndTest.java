package dev.cspctl.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cspctl.api.ApiEndpoints;
import dev.cspctl.api.ContentstackClients;
import dev.cspctl.api.Credentials;
import dev.cspctl.api.ResourceRef;
import dev.cspctl.api.TestClients;
import dev.cspctl.api.cma.BulkEntry;
import dev.cspctl.api.cma.ContentTypeLink;
import dev.cspctl.api.cma.VariantRef;
import dev.cspctl.api.http.HttpTransport;
import dev.cspctl.api.http.Redactor;
import dev.cspctl.api.http.Sleeper;
import dev.cspctl.api.http.TransportConfig;
import dev.cspctl.api.personalize.AttributeInput;
import dev.cspctl.api.personalize.AudienceInput;
import dev.cspctl.api.personalize.CmsSyncWaiter;
import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.api.personalize.ExperienceInput;
import dev.cspctl.api.personalize.MetricType;
import dev.cspctl.api.personalize.RemoteExperience;
import dev.cspctl.api.personalize.RemoteMetric;
import dev.cspctl.api.personalize.RemoteVariant;
import dev.cspctl.api.personalize.VersionInput;
import dev.cspctl.api.personalize.VersionStatus;
import dev.cspctl.emulator.Emulator;
import dev.cspctl.emulator.EmulatorConfig;
import dev.cspctl.spec.ExperienceType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The clients and the state reader end to end against the in-process emulator of both APIs (branch
 * {@code emulator}): build a project through the typed clients, then read it back.
 */
class EmulatorEndToEndTest {
  static final ObjectMapper M = new ObjectMapper();
  static final String HERO = "blt0123456789abcdef";

  static ContentstackClients clients(Emulator emu, Credentials c, TransportConfig cfg) {
    HttpTransport t =
        new HttpTransport(
            ApiEndpoints.of(emu.personalizeUrl(), emu.cmaUrl()),
            cfg,
            new Redactor(c.secrets()),
            Sleeper.REAL);
    return ContentstackClients.create(c, t);
  }

  static Credentials tokens(Emulator emu) {
    var e = emu.credentials();
    return new Credentials(
        e.authtoken(),
        null,
        null,
        null,
        null,
        e.managementToken(),
        e.apiKey(),
        e.projectUid(),
        null);
  }

  @Test
  void buildThroughClientsThenReadBackWithinBudget() throws Exception {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().cmsDelayMs(30).build());
        ContentstackClients c = clients(emu, tokens(emu), TestClients.fastConfig())) {
      var p = c.personalize();
      var cma = c.cma();
      String attr = p.createAttribute(new AttributeInput("Age", "age", "years")).uid();
      String evt = p.createEvent(new EventInput("signup", "Signed up")).uid();
      String kids =
          p.createAudience(
                  new AudienceInput(
                      "Kids",
                      "",
                      M.readTree(
                          "{\"__type\":\"RuleCombination\",\"combinationType\":\"AND\",\"rules\":[{\"__type\":\"Rule\","
                              + "\"attribute\":{\"__type\":\"CustomAttributeReference\",\"ref\":\""
                              + attr
                              + "\"},"
                              + "\"attributeMatchCondition\":\"NUMBER_LESS_THAN\",\"attributeMatchOptions\":{\"__type\":"
                              + "\"NumberMatchOptions\",\"value\":13},\"invertCondition\":false}]}")))
              .uid();
      String us =
          p.createAudience(
                  new AudienceInput(
                      "US",
                      "",
                      M.readTree(
                          "{\"__type\":\"RuleCombination\",\"combinationType\":\"OR\",\"rules\":[{\"__type\":\"Rule\","
                              + "\"attribute\":{\"__type\":\"PresetAttributeReference\",\"ref\":\"COUNTRY\"},"
                              + "\"attributeMatchCondition\":\"STRING_EQUALS\",\"attributeMatchOptions\":{\"__type\":"
                              + "\"StringMatchOptions\",\"value\":\"US\"},\"invertCondition\":false}]}")))
              .uid();

      RemoteExperience hero =
          p.createExperience(
              new ExperienceInput("Homepage hero", "by audience", ExperienceType.SEGMENTED));
      RemoteExperience ab =
          p.createExperience(new ExperienceInput("Button test", "", ExperienceType.AB_TEST));
      ResourceRef heroRef = ResourceRef.of("experience", "Homepage hero");
      String v1 = hero.latestVersion();
      List<RemoteMetric> metrics = List.of(new RemoteMetric(MetricType.PRIMARY, evt, "Signup"));
      p.about(heroRef)
          .updateVersion(
              hero.uid(),
              v1,
              new VersionInput(
                  VersionStatus.DRAFT,
                  List.of(
                      RemoteVariant.segmented("kids", null, List.of(kids), List.of(), "OR"),
                      RemoteVariant.segmented("us", null, List.of(us), List.of(), "OR")),
                  metrics));
      p.updateVersion(
          ab.uid(),
          ab.latestVersion(),
          new VersionInput(
              VersionStatus.DRAFT,
              List.of(
                  RemoteVariant.abTest("Control", null, 50),
                  RemoteVariant.abTest("Bold", null, 50)),
              null));

      RemoteExperience synced =
          new CmsSyncWaiter(
                  p,
                  Sleeper.REAL,
                  Duration.ofMillis(20),
                  Duration.ofMillis(100),
                  Duration.ofSeconds(5))
              .await(hero.uid(), List.of("0", "1"), heroRef);
      String group = synced.cms().variantGroup();
      String kidsVariant = synced.cms().variants().get("0");
      String usVariant = synced.cms().variants().get("1");
      cma.about(heroRef)
          .linkContentTypes(group, "Homepage hero", List.of(ContentTypeLink.linked("hero_banner")));
      cma.upsertEntryVariant(
          "hero_banner",
          HERO,
          kidsVariant,
          "en-us",
          (ObjectNode) M.readTree("{\"title\":\"Hi kids\",\"headline\":\"Play\"}"));
      cma.upsertEntryVariant(
          "hero_banner",
          HERO,
          usVariant,
          "en-us",
          (ObjectNode) M.readTree("{\"title\":\"Howdy\"}"));
      assertThat(
              cma.bulkPublishAll(
                  List.of(
                      new BulkEntry(
                          HERO,
                          "hero_banner",
                          null,
                          "en-us",
                          List.of(
                              new VariantRef(kidsVariant, null), new VariantRef(usVariant, null)))),
                  List.of("en-us"),
                  List.of("production")))
          .hasSize(1);
      cma.publishEntryVariants(
          "hero_banner",
          HERO,
          "en-us",
          List.of("production"),
          List.of("en-us"),
          List.of(new VariantRef(kidsVariant, 1)));
      p.updateVersion(
          hero.uid(),
          v1,
          new VersionInput(
              VersionStatus.ACTIVE,
              List.of(
                  RemoteVariant.segmented("kids", "0", List.of(kids), List.of(), "OR"),
                  RemoteVariant.segmented("us", "1", List.of(us), List.of(), "OR")),
              metrics));
      p.setPriority(List.of(hero.uid(), ab.uid()));

      int before = emu.requestLog().size();
      LiveState s =
          new StateReader(p, cma)
              .read(ReadScope.of(List.of(new EntryKey("hero_banner", HERO, "en-us"))));
      var reads = emu.requestLog().subList(before, emu.requestLog().size());

      assertThat(s.attributeByKey("age").orElseThrow().uid()).isEqualTo(attr);
      assertThat(s.eventByKey("signup").orElseThrow().description()).isEqualTo("Signed up");
      assertThat(
              s.audienceByName("Kids")
                  .orElseThrow()
                  .definition()
                  .path("rules")
                  .get(0)
                  .path("attribute")
                  .path("ref")
                  .asText())
          .isEqualTo(attr);
      LiveExperience live = s.experienceByName("Homepage hero").orElseThrow();
      assertThat(live.status()).isEqualTo(LiveVersionStatus.ACTIVE);
      assertThat(live.cms().variants())
          .containsEntry("0", kidsVariant)
          .containsEntry("1", usVariant);
      LiveVersion active = live.versionWithStatus(LiveVersionStatus.ACTIVE).orElseThrow();
      assertThat(active.variants())
          .extracting(LiveVariant::name, LiveVariant::shortUid, LiveVariant::audiences)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("kids", "0", List.of(kids)),
              org.assertj.core.groups.Tuple.tuple("us", "1", List.of(us)));
      assertThat(active.metrics())
          .containsExactly(new LiveMetric(MetricKind.PRIMARY, evt, "Signup"));
      LiveExperience liveAb = s.experienceByUid(ab.uid()).orElseThrow();
      assertThat(liveAb.currentVersion().orElseThrow().variants())
          .extracting(LiveVariant::trafficDistribution)
          .containsExactly(50, 50);
      assertThat(s.variantGroupOf(live).orElseThrow().linkedContentTypes())
          .containsExactly("hero_banner");
      assertThat(s.priorityOrder()).containsExactly(hero.uid(), ab.uid());
      LiveEntryVariant kidsContent =
          s.entryVariant(new EntryKey("hero_banner", HERO, "en-us"), kidsVariant).orElseThrow();
      assertThat(kidsContent.fields().path("title").asText()).isEqualTo("Hi kids");
      assertThat(kidsContent.fields().has("_variant")).isFalse();
      assertThat(kidsContent.fields().has("uid")).isFalse();
      assertThat(s.entryVariants()).hasSize(2);

      long personalizeReads = reads.stream().filter(r -> !r.path().startsWith("/v3/")).count();
      long cmaReads = reads.stream().filter(r -> r.path().startsWith("/v3/")).count();
      assertThat(personalizeReads).isEqualTo(StateReader.expectedPersonalizeRequests(2));
      assertThat(cmaReads)
          .isLessThanOrEqualTo(
              StateReader.expectedCmaRequests(s.variantGroups().size(), List.of(2)));
      assertThat(reads).allMatch(r -> r.method().equals("GET") && r.status() == 200);
    }
  }

  @Test
  void logsInOnceWithEmailAndPasswordAndLogsOut() {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().build())) {
      var e = emu.credentials();
      Credentials login =
          new Credentials(
              null,
              null,
              e.email(),
              e.password(),
              e.tfaToken(),
              null,
              e.apiKey(),
              e.projectUid(),
              null);
      try (ContentstackClients c = clients(emu, login, TestClients.fastConfig())) {
        c.personalize().listExperiences();
        c.cma().listAllVariantGroups();
        assertThat(c.session().loggedInToken()).isNotNull();
      }
      assertThat(emu.requestLog())
          .filteredOn(r -> r.path().startsWith("/v3/user-session"))
          .extracting(r -> r.method())
          .containsExactly("POST", "DELETE");
    }
  }

  @Test
  void readsUnderRealRateLimitsAndInjectedFaults() {
    try (Emulator emu =
        Emulator.start(
            EmulatorConfig.builder()
                .rateLimit(true)
                .faults("500:0.1,429:0.1,reset:0.05")
                .seed(7)
                .build())) {
      TransportConfig cfg =
          TransportConfig.defaults()
              .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
              .withRetries(8, Duration.ofMillis(5), Duration.ofMillis(50), 1)
              .withMaxRetryAfter(
                  Duration.ofMillis(100)); // injected 429s are random, not real limits
      try (ContentstackClients c = clients(emu, tokens(emu), cfg)) {
        for (int i = 0; i < 3; i++) {
          LiveState s =
              new StateReader(c.personalize(), c.cma())
                  .read(ReadScope.of(List.of(new EntryKey("hero_banner", HERO, "en-us"))));
          assertThat(s.experiences()).isEmpty();
          assertThat(s.entryVariants()).isEmpty();
        }
      }
      assertThat(emu.requestLog()).anyMatch(r -> r.fault() != null || r.status() >= 429);
    }
  }
}
