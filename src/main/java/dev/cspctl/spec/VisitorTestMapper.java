package dev.cspctl.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a schema-valid {@code VisitorTest} document (or a visitor on its own) into its record,
 * checking what the schema cannot: the date-time and the URL parse, and a test expects something.
 */
final class VisitorTestMapper {
  private final List<SpecError> errors;

  VisitorTestMapper(List<SpecError> errors) {
    this.errors = errors;
  }

  VisitorTest map(YamlDocument doc) {
    JsonNode n = doc.root();
    if (!n.has("expect") && !n.has("applied")) {
      errors.add(
          doc.error(
              "",
              "a visitor test needs 'expect' (experience -> variant | none | any) or 'applied'"));
    }
    Map<String, VisitorTest.Expected> expect = new LinkedHashMap<>();
    n.path("expect")
        .fields()
        .forEachRemaining(
            e -> expect.put(e.getKey(), VisitorTest.Expected.parse(e.getValue().asText())));
    List<String> applied = null;
    if (n.has("applied")) {
      applied = new ArrayList<>();
      for (JsonNode a : n.get("applied")) applied.add(a.asText());
    }
    Visitor visitor = visitor(doc, "/visitor", n.path("visitor"));
    return new VisitorTest(
        n.path("name").asText(),
        visitor,
        expect,
        applied,
        new Origin(doc.file(), doc.start().line()));
  }

  Visitor visitor(YamlDocument doc, String p, JsonNode v) {
    Map<String, JsonNode> attributes = new LinkedHashMap<>();
    v.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue()));
    String url = text(v, "url");
    if (url != null) {
      try {
        new URI(url);
      } catch (URISyntaxException e) {
        errors.add(doc.error(p + "/url", "not a valid URL: " + e.getReason()));
      }
    }
    Instant time = null;
    String t = text(v, "time");
    if (t != null) {
      try {
        time = OffsetDateTime.parse(t).toInstant();
      } catch (DateTimeParseException e) {
        errors.add(
            doc.error(
                p + "/time",
                "found '"
                    + t
                    + "'; expected an ISO-8601 date-time with offset, e.g. 2026-12-24T10:00:00Z"));
      }
    }
    List<String> lytics = new ArrayList<>();
    v.path("lyticsAudiences").forEach(x -> lytics.add(x.asText()));
    return new Visitor(
        attributes,
        text(v, "country"),
        text(v, "region"),
        text(v, "city"),
        text(v, "device"),
        text(v, "os"),
        url,
        text(v, "referrer"),
        time,
        lytics);
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }
}
