package dev.cspctl.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.cspctl.api.RemoteApiException;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * JSON encoding of request bodies and decoding of replies. Every decoding problem (malformed JSON,
 * non-JSON page, wrong type, unknown enum, missing field, malformed uid) becomes a {@link
 * RemoteApiException} naming the API, method, path, status and what was wrong — never a raw Jackson
 * exception or an NPE.
 */
public final class JsonCodec {
  private final ObjectMapper mapper;
  private final Redactor redactor;

  public JsonCodec(Redactor redactor) {
    this.redactor = redactor;
    this.mapper =
        new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  public byte[] encode(Object body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot encode request body: " + e.getOriginalMessage(), e);
    }
  }

  public <T> T decode(ApiRequest req, ApiResponse resp, Class<T> type) {
    return decode(req, resp, mapper.constructType(type));
  }

  public <T> T decode(ApiRequest req, ApiResponse resp, TypeReference<T> type) {
    return decode(req, resp, mapper.constructType(type));
  }

  public JsonNode tree(ApiRequest req, ApiResponse resp) {
    return decode(req, resp, mapper.constructType(JsonNode.class));
  }

  /** Converts an already-parsed node (e.g. one element of a list) with the same error mapping. */
  public <T> T convert(ApiRequest req, ApiResponse resp, JsonNode node, Class<T> type) {
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw bad(req, resp, describe(e), e);
    }
  }

  // T is the type the public overloads built `type` from (Class<T>, TypeReference<T>).
  @SuppressWarnings("TypeParameterUnusedInFormals")
  private <T> T decode(ApiRequest req, ApiResponse resp, JavaType type) {
    String text = resp.bodyText().strip();
    if (text.isEmpty()) {
      throw bad(req, resp, "empty reply body where JSON was expected", null);
    }
    char first = text.charAt(0);
    if (first != '{' && first != '[') {
      throw bad(
          req, resp, ServerMessages.describeNonJson(resp.contentType(), text, redactor), null);
    }
    try {
      T value = mapper.readValue(text, type);
      if (value == null) {
        throw bad(req, resp, "reply body is JSON null", null);
      }
      if (value instanceof java.util.Collection<?> c && c.contains(null)) {
        throw bad(req, resp, "list holds a null item", null);
      }
      return value;
    } catch (IOException | IllegalArgumentException e) {
      throw bad(req, resp, describe(e), e);
    }
  }

  /** A reply that was received but is not what the API documents. */
  public RemoteApiException bad(ApiRequest req, ApiResponse resp, String what, Throwable cause) {
    return new RemoteApiException(
        req.api(),
        req.method(),
        redactor.path(req.path()),
        resp.status(),
        "unexpected reply: " + redactor.scrub(what),
        req.resource(),
        cause);
  }

  static String describe(Throwable e) {
    if (e instanceof ValueInstantiationException vie) {
      Throwable root = vie.getCause() != null ? vie.getCause() : vie;
      String msg =
          root instanceof WireFormatException
              ? root.getMessage()
              : "invalid value" + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
      return at(vie) + msg;
    }
    if (e instanceof InvalidFormatException ife
        && ife.getTargetType() != null
        && ife.getTargetType().isEnum()) {
      return at(ife) + "unknown value '" + ife.getValue() + "'";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException sre
          && !(t instanceof JsonMappingException)) {
        return "malformed JSON: " + sre.getOriginalMessage();
      }
    }
    if (e instanceof JsonMappingException jme) {
      String msg = jme.getOriginalMessage();
      return at(jme) + (msg == null ? "" : msg.split("\n", -1)[0].replaceAll("`[a-z.]+\\.", "`"));
    }
    if (e instanceof JsonProcessingException jpe) {
      return "malformed JSON: " + jpe.getOriginalMessage();
    }
    return Failures.describe(e);
  }

  private static String at(JsonMappingException e) {
    if (e.getPath() == null || e.getPath().isEmpty()) {
      return "";
    }
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
    return "at " + (path.startsWith(".") ? path.substring(1) : path) + ": ";
  }
}
