package dev.cspctl.export;

import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveState;
import dev.cspctl.state.UidIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a live state into spec files (a pure function: no I/O). The files, loaded by {@link
 * dev.cspctl.spec.SpecLoader} and planned against the same live state, give only adoptions:
 *
 * <pre>
 * cspctl.yaml             project, stack, region (when known), publish settings
 * attributes.yaml         one document per custom attribute, by key
 * events.yaml             one document per event, by key
 * audiences.yaml          one document per audience, by name (Lytics audiences only referenced)
 * experiences/&lt;slug&gt;.yaml one file per experience, with its variants' entry content
 * priority.yaml           the full live priority order
 * </pre>
 */
public final class Exporter {
  /**
   * The owner the live ownership markers name in this project, so that the exported folder manages
   * what that owner managed; null when they name none, or several (with a warning).
   */
  static String owner(LiveState live, String project, List<String> warnings) {
    Set<String> owners = new java.util.TreeSet<>();
    List<String> descriptions = new ArrayList<>();
    live.attributes().forEach(a -> descriptions.add(a.description()));
    live.events().forEach(e -> descriptions.add(e.description()));
    live.audiences().forEach(a -> descriptions.add(a.description()));
    live.experiences().forEach(e -> descriptions.add(e.description()));
    for (String d : descriptions)
      dev.cspctl.plan.Ownership.ownerIn(d, project).ifPresent(owners::add);
    if (owners.size() == 1) return owners.iterator().next();
    if (owners.size() > 1) {
      warnings.add(
          "the ownership markers name several owners ("
              + String.join(", ", owners)
              + "); cspctl.yaml names none,"
              + " so plan shows their resources as adoptions: set 'owner:' to the one this folder is for, and remove the others' resources");
    }
    return null;
  }

  public Export export(LiveState live, ExportSettings settings) {
    UidIndex lookup = new UidIndex(live);
    List<String> warnings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, String> files = new TreeMap<>();
    files.put(
        "cspctl.yaml", ProjectFile.render(settings, owner(live, settings.project(), warnings)));
    int[] attributes = {0};
    put(
        files,
        "attributes.yaml",
        KeyedResourceFiles.attributes(live.attributes(), warnings, attributes));
    int[] events = {0};
    put(
        files,
        "events.yaml",
        KeyedResourceFiles.events(
            live.events().stream()
                .filter(e -> !dev.cspctl.plan.Ownership.LOCK_EVENT_KEY.equals(e.key()))
                .toList(),
            warnings,
            events));
    int[] audiences = {0};
    put(files, "audiences.yaml", AudienceFile.render(lookup, warnings, notes, audiences));
    List<LiveExperience> experiences = new ArrayList<>(live.experiences());
    experiences.sort(
        Comparator.comparing(LiveExperience::name, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(LiveExperience::uid));
    Slugs slugs = new Slugs();
    Set<String> exported = new LinkedHashSet<>();
    int contents = 0;
    for (LiveExperience e : experiences) {
      if (e.name() != null && exported.contains(e.name())) {
        warnings.add(
            "experience '"
                + e.name()
                + "' (uid "
                + e.uid()
                + ") not exported: another experience has the same name");
        continue;
      }
      Optional<ExperienceFile.Rendered> r =
          new ExperienceFile(e, lookup, settings, warnings).render();
      if (r.isEmpty()) continue;
      files.put("experiences/" + slugs.unique(e.name()) + ".yaml", r.get().text());
      exported.add(e.name());
      contents += r.get().contents();
    }
    String priority = PriorityFile.render(lookup, exported, warnings);
    put(files, "priority.yaml", priority);
    Export.Counts counts =
        new Export.Counts(
            attributes[0], events[0], audiences[0], exported.size(), contents, priority != null);
    return new Export(files, warnings, notes, counts);
  }

  private static void put(Map<String, String> files, String path, String text) {
    if (text != null) files.put(path, text);
  }
}
