package dev.cspctl.plan.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** A managed view as YAML lines, the form plan diffs are shown in (it reads like the specs). */
final class YamlLines {
  private static final ObjectMapper M = new ObjectMapper();

  private YamlLines() {}

  static List<String> of(JsonNode view) {
    if (view == null || view.isNull()) return List.of();
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setIndicatorIndent(2);
    o.setIndentWithIndicator(true);
    o.setWidth(120);
    o.setSplitLines(false);
    Object plain = M.convertValue(view, Object.class);
    return new Yaml(o).dump(plain).lines().toList();
  }
}
