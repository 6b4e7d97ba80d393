package dev.cspctl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cspctl.api.cma.ContentTypeLink;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.ExperienceType;
import dev.cspctl.spec.Match;
import dev.cspctl.spec.SpecLoader;
import dev.cspctl.state.LiveAttribute;
import dev.cspctl.state.LiveAudience;
import dev.cspctl.state.LiveCms;
import dev.cspctl.state.LiveEntryVariant;
import dev.cspctl.state.LiveEvent;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveMetric;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.LiveVariant;
import dev.cspctl.state.LiveVariantGroup;
import dev.cspctl.state.LiveVersion;
import dev.cspctl.state.LiveVersionStatus;
import dev.cspctl.state.MetricKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** In-memory desired and live models for planner tests: no I/O but a temp folder of YAML. */
final class Fixtures {
  static final ObjectMapper M = new ObjectMapper();
  static final String MARK = " " + Ownership.MARKER;

  static DesiredState desired(Path dir, String yaml) {
    try {
      Files.writeString(
          dir.resolve("cspctl.yaml"),
          "project: 65f0c0ffee0123456789abcd\npublish:\n  environments: [production]\n");
      Files.writeString(dir.resolve("specs.yaml"), yaml);
      return new SpecLoader().load(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String s) {
    try {
      return M.readTree(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A mutable builder of live states. */
  static final class Live {
    final List<LiveAttribute> attributes = new ArrayList<>();
    final List<LiveEvent> events = new ArrayList<>();
    final List<LiveAudience> audiences = new ArrayList<>();
    final List<LiveExperience> experiences = new ArrayList<>();
    final List<LiveVariantGroup> groups = new ArrayList<>();
    final List<LiveEntryVariant> entries = new ArrayList<>();
    final List<String> priority = new ArrayList<>();
    int next = 1;

    String uid() {
      return String.format("%024x", next++);
    }

    Live attribute(String key, String name, String description) {
      attributes.add(new LiveAttribute(uid(), key, name, description));
      return this;
    }

    Live event(String key, String description) {
      events.add(new LiveEvent(uid(), key, description));
      return this;
    }

    Live audience(String name, String description, String definition) {
      audiences.add(new LiveAudience(uid(), name, description, json(definition), null));
      return this;
    }

    String audienceUid(String name) {
      return audiences.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().uid();
    }

    String attributeUid(String key) {
      return attributes.stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow().uid();
    }

    /**
     * A segmented experience whose one version holds the given variants (name -> audience names).
     */
    Live segmented(
        String name,
        String description,
        String status,
        Map<String, List<String>> variants,
        List<String> contentTypes) {
      String uid = uid();
      String versionUid = uid();
      List<LiveVariant> vs = new ArrayList<>();
      Map<String, String> cms = new java.util.LinkedHashMap<>();
      int s = 0;
      for (var v : variants.entrySet()) {
        List<String> uids = v.getValue().stream().map(this::audienceUid).toList();
        vs.add(
            new LiveVariant(
                ExperienceType.SEGMENTED,
                v.getKey(),
                String.valueOf(s),
                uids,
                List.of(),
                Match.ANY,
                null));
        cms.put(String.valueOf(s), "cs" + String.format("%016x", next++));
        s++;
      }
      String group = "cs" + String.format("%016x", next++);
      LiveVersionStatus live = LiveVersionStatus.valueOf(status);
      experiences.add(
          new LiveExperience(
              uid,
              name,
              description,
              ExperienceType.SEGMENTED,
              String.valueOf(experiences.size()),
              live,
              versionUid,
              new LiveCms(group, cms),
              List.of(new LiveVersion(versionUid, live, vs, List.of()))));
      groups.add(
          new LiveVariantGroup(
              group,
              name,
              contentTypes.stream().map(ct -> new ContentTypeLink(ct, "linked")).toList(),
              uid,
              List.of()));
      priority.add(uid);
      return this;
    }

    LiveExperience experience(String name) {
      return experiences.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    Live entryVariant(String experience, String shortUid, String ct, String entry, String fields) {
      String cms = experience(experience).cms().variants().get(shortUid);
      entries.add(new LiveEntryVariant(ct, entry, "en-us", cms, json(fields), List.of(), 1));
      return this;
    }

    LiveState build() {
      return new LiveState(attributes, events, audiences, experiences, groups, entries, priority);
    }
  }

  static LiveMetric metric(MetricKind kind, String eventUid) {
    return new LiveMetric(kind, eventUid, "m");
  }
}
