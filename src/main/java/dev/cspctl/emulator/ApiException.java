package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** An error reply in the API's own shape, thrown by the model and written by the HTTP front. */
final class ApiException extends RuntimeException {
  final int status;
  final transient JsonNode body;

  ApiException(int status, JsonNode body) {
    super(status + " " + body);
    this.status = status;
    this.body = body;
  }

  /** Personalize validation: {"errors":{field:[codes]}}. */
  static ApiException validation(Map<String, List<String>> errors) {
    ObjectNode e = Json.object();
    errors.forEach((k, v) -> e.set(k, Json.array(v)));
    ObjectNode body = Json.object();
    body.set("errors", e);
    return new ApiException(EmulatorAssumptions.PERSONALIZE_VALIDATION_STATUS, body);
  }

  static ApiException validation(String field, String code) {
    return validation(Map.of(field, List.of(code)));
  }

  /** Personalize business rule: {"message":..,"statusCode":n}. */
  static ApiException business(int status, String message) {
    return new ApiException(status, businessBody(status, message));
  }

  static ObjectNode businessBody(int status, String message) {
    ObjectNode body = Json.object();
    body.put("message", message);
    body.put("statusCode", status);
    return body;
  }

  static ApiException notFound(String kind) {
    return business(404, EmulatorAssumptions.notFound(kind));
  }

  /** CMA: {"error_message","error_code","errors"}. */
  static ApiException cma(int status, String message, int code) {
    return new ApiException(status, cmaBody(message, code, Json.object()));
  }

  static ApiException cma(int status, String message, int code, String field, String problem) {
    ObjectNode errors = Json.object();
    errors.set(field, Json.array(List.of(problem)));
    return new ApiException(status, cmaBody(message, code, errors));
  }

  static ObjectNode cmaBody(String message, int code, ObjectNode errors) {
    ObjectNode body = Json.object();
    body.put("error_message", message);
    body.put("error_code", code);
    body.set("errors", errors);
    return body;
  }
}
