package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** CMA skip/limit/include_count paging (max 100 per page). */
final class Paging {
  private Paging() {}

  static ObjectNode page(Request q, String field, List<ObjectNode> all, int defaultLimit) {
    int skip = q.intQuery("skip", 0);
    int limit = q.intQuery("limit", defaultLimit);
    if (limit > EmulatorAssumptions.MAX_LIMIT) {
      if (!EmulatorAssumptions.CLAMP_LIMIT) {
        throw ApiException.cma(
            422,
            "limit must be at most " + EmulatorAssumptions.MAX_LIMIT,
            EmulatorAssumptions.CMA_CODE_VALIDATION);
      }
      limit = EmulatorAssumptions.MAX_LIMIT;
    }
    ArrayNode items = Json.array();
    all.stream().skip(skip).limit(limit).forEach(items::add);
    ObjectNode body = Json.object();
    body.set(field, items);
    if (q.flag("include_count")) {
      body.put("count", all.size());
    }
    return body;
  }
}
