package dev.cspctl.plan.render;

import dev.cspctl.plan.Step;
import dev.cspctl.plan.StepId;
import dev.cspctl.plan.StepType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The plan's step graph as inline SVG: one row (lane) per experience, one row per other kind, one
 * box per step type in a lane (with a count: 1,000 entry variants are one box, not 1,000), placed
 * in the column of its earliest step's depth, so the order apply runs them in (and where publishing
 * and activation fall) reads left to right.
 */
final class StepGraphSvg {
  static final int COL_W = 184;
  static final int BOX_W = 164;
  static final int BOX_H = 34;
  static final int ROW_H = 48;
  static final int LANE_LABEL_W = 180;
  private static final int NAMES_IN_TOOLTIP = 12;

  record Node(String id, String lane, StepType type, List<Step> steps, int column) {}

  record Edge(Node from, Node to) {}

  record Layout(List<String> lanes, List<Node> nodes, List<Edge> edges, int columns) {}

  static Layout layout(List<Step> steps) {
    Map<StepId, Step> byId = new HashMap<>();
    for (Step s : steps) byId.put(s.id(), s);
    Map<StepId, Integer> depth = new HashMap<>();
    for (Step s : steps) depth(s, byId, depth, new LinkedHashSet<>());
    Map<String, List<Step>> groups = new LinkedHashMap<>();
    Map<String, String> laneOf = new LinkedHashMap<>();
    for (Step s : steps) {
      String lane = lane(s);
      String id = lane + "\u0000" + s.type();
      groups.computeIfAbsent(id, k -> new ArrayList<>()).add(s);
      laneOf.put(id, lane);
    }
    List<String> lanes = new ArrayList<>(new LinkedHashSet<>(laneOf.values()));
    Map<String, Node> nodes = new LinkedHashMap<>();
    Map<StepId, Node> nodeOfStep = new HashMap<>();
    int columns = 0;
    for (var g : groups.entrySet()) {
      int column = g.getValue().stream().mapToInt(s -> depth.get(s.id())).min().orElse(0);
      Node n =
          new Node(
              "n" + nodes.size(),
              laneOf.get(g.getKey()),
              g.getValue().get(0).type(),
              g.getValue(),
              column);
      nodes.put(g.getKey(), n);
      for (Step s : g.getValue()) nodeOfStep.put(s.id(), n);
      columns = Math.max(columns, column + 1);
    }
    Set<Edge> edges = new LinkedHashSet<>();
    for (Step s : steps) {
      for (StepId dep : s.dependsOn()) {
        Node from = nodeOfStep.get(dep);
        Node to = nodeOfStep.get(s.id());
        if (from != null && !from.equals(to)) edges.add(new Edge(from, to));
      }
    }
    return new Layout(lanes, List.copyOf(nodes.values()), List.copyOf(edges), columns);
  }

  /** Longest path from a root; a cycle (which the planner refuses) cannot loop here. */
  private static int depth(
      Step s, Map<StepId, Step> byId, Map<StepId, Integer> memo, Set<StepId> visiting) {
    Integer known = memo.get(s.id());
    if (known != null) return known;
    if (!visiting.add(s.id())) return 0;
    int d = 0;
    for (StepId dep : s.dependsOn()) {
      Step parent = byId.get(dep);
      if (parent != null) d = Math.max(d, depth(parent, byId, memo, visiting) + 1);
    }
    visiting.remove(s.id());
    memo.put(s.id(), d);
    return d;
  }

  /**
   * Experience steps (and their entry variants) share the experience's lane; other kinds one lane
   * each.
   */
  static String lane(Step s) {
    if (s.experience() != null) return "experience " + s.experience();
    String type = s.type().name();
    if (type.endsWith("_EXPERIENCE")
        || type.endsWith("_VERSION")
        || type.equals("REFRESH_CMS")
        || type.equals("LINK_CONTENT_TYPES")) {
      return "experience " + s.resource();
    }
    if (type.endsWith("_ATTRIBUTE")) return "attributes";
    if (type.endsWith("_EVENT")) return "events";
    if (type.endsWith("_AUDIENCE")) return "audiences";
    if (type.equals("SET_PRIORITY")) return "priority";
    return "other";
  }

  static String label(StepType t) {
    return switch (t) {
      case UPSERT_ENTRY_VARIANT -> "write entry variant";
      case PUBLISH_ENTRY_VARIANTS -> "publish variants";
      case ACTIVATE_VERSION -> "activate";
      case CREATE_DRAFT_VERSION -> "create draft";
      case DELETE_ENTRY_VARIANT -> "delete entry variant";
      default -> t.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  String render(List<Step> steps) {
    Layout l = layout(steps);
    int width = LANE_LABEL_W + Math.max(1, l.columns()) * COL_W + 20;
    int height = Math.max(1, l.lanes().size()) * ROW_H + 30;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"step-graph\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" aria-label=\"dependency graph of the ")
        .append(steps.size())
        .append(" steps\">\n");
    svg.append(
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" ")
        .append(
            "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#8a94a6\"/></marker></defs>\n");
    for (int c = 0; c < l.columns(); c++) {
      svg.append("<text class=\"col\" x=\"")
          .append(x(c) + BOX_W / 2)
          .append("\" y=\"16\" text-anchor=\"middle\">")
          .append(c + 1)
          .append("</text>\n");
    }
    for (int i = 0; i < l.lanes().size(); i++) {
      int y = y(i);
      if (i % 2 == 0) {
        svg.append("<rect class=\"lane\" x=\"0\" y=\"")
            .append(y - 7)
            .append("\" width=\"")
            .append(width)
            .append("\" height=\"")
            .append(ROW_H)
            .append("\"/>\n");
      }
      svg.append("<text class=\"lane-label\" x=\"8\" y=\"")
          .append(y + BOX_H / 2 + 4)
          .append("\">")
          .append(Html.escape(shorten(display(l.lanes().get(i)), 22)))
          .append("<title>")
          .append(Html.escape(l.lanes().get(i)))
          .append("</title></text>\n");
    }
    Map<String, Integer> laneIndex = new HashMap<>();
    for (int i = 0; i < l.lanes().size(); i++) laneIndex.put(l.lanes().get(i), i);
    for (Edge e : l.edges()) {
      int x1 = x(e.from().column()) + BOX_W;
      int y1 = y(laneIndex.get(e.from().lane())) + BOX_H / 2;
      int x2 = x(e.to().column());
      int y2 = y(laneIndex.get(e.to().lane())) + BOX_H / 2;
      if (x2 <= x1) { // same or earlier column (another lane's box): come in from above
        x2 = x(e.to().column()) + BOX_W / 2;
        y2 = y(laneIndex.get(e.to().lane())) + (y2 > y1 ? 0 : BOX_H);
      }
      int mid = (x1 + x2) / 2;
      svg.append("<path class=\"edge\" marker-end=\"url(#arrow)\" d=\"M")
          .append(x1)
          .append(',')
          .append(y1)
          .append(" C")
          .append(mid)
          .append(',')
          .append(y1)
          .append(' ')
          .append(mid)
          .append(',')
          .append(y2)
          .append(' ')
          .append(x2)
          .append(',')
          .append(y2)
          .append("\"/>\n");
    }
    for (Node n : l.nodes()) {
      int x = x(n.column());
      int y = y(laneIndex.get(n.lane()));
      String count = n.steps().size() > 1 ? " \u00d7" + n.steps().size() : "";
      svg.append("<g class=\"step ")
          .append(cssClass(n.type()))
          .append("\" data-type=\"")
          .append(n.type())
          .append("\">")
          .append("<rect x=\"")
          .append(x)
          .append("\" y=\"")
          .append(y)
          .append("\" rx=\"6\" width=\"")
          .append(BOX_W)
          .append("\" height=\"")
          .append(BOX_H)
          .append("\"/>")
          .append("<text x=\"")
          .append(x + 8)
          .append("\" y=\"")
          .append(y + BOX_H / 2 + 4)
          .append("\">")
          .append(n.column() + 1)
          .append(" \u00b7 ")
          .append(Html.escape(shorten(label(n.type()), 20)))
          .append(count)
          .append("</text><title>")
          .append(Html.escape(tooltip(n)))
          .append("</title></g>\n");
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static String tooltip(Node n) {
    StringBuilder t =
        new StringBuilder(n.lane())
            .append(": ")
            .append(label(n.type()))
            .append(" (")
            .append(n.steps().size())
            .append(n.steps().size() == 1 ? " step" : " steps")
            .append(")");
    int shown = 0;
    for (Step s : n.steps()) {
      if (shown++ == NAMES_IN_TOOLTIP) {
        t.append("\n\u2026 and ").append(n.steps().size() - NAMES_IN_TOOLTIP).append(" more");
        break;
      }
      t.append("\n").append(s.description());
    }
    return t.toString();
  }

  static String cssClass(StepType t) {
    String n = t.name();
    if (n.startsWith("PUBLISH")) return "publish";
    if (n.startsWith("ACTIVATE")) return "activate";
    if (n.startsWith("DELETE") || n.startsWith("PAUSE")) return "delete";
    if (n.startsWith("CREATE")) return "create";
    return "update";
  }

  /** Experience lanes show the experience's name; the other lanes are the kind, in plural. */
  private static String display(String lane) {
    return lane.startsWith("experience ")
        ? lane.substring("experience ".length())
        : "[" + lane + "]";
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  private static int x(int column) {
    return LANE_LABEL_W + column * COL_W;
  }

  private static int y(int lane) {
    return 26 + lane * ROW_H;
  }
}
